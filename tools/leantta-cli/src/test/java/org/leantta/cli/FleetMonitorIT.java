package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.cli.soak.GatewayProcess;
import org.leantta.cli.soak.Mosquitto;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A fleet on this machine as a site would have it: a central Mosquitto and two site Mosquittos bridged to it
 * (Mosquitto's own bridge, QoS 1, persistent), three gateways ({@code ./leantta run}) on the site brokers, the
 * monitor on the central broker and its page in headless Chromium. The page shows the gateways online with
 * charts of their sensors, a group reset clicked on the page is answered by every member through the bridges and
 * seen as an event of each, and a gateway killed without a goodbye turns offline through its last will.
 */
class FleetMonitorIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final long WAIT_MS = 60_000;
    private static final int SAMPLES = 40;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        try {
            Resources.closeAll(running);
        } catch (Exception e) {
            System.out.println("FleetMonitorIT: while stopping: " + e);
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        running.add(resource);
        return resource;
    }

    @Test
    void aGroupResetFromThePageReachesEveryGatewayThroughTheBridges(@TempDir Path tmp) throws Exception {
        Mosquitto central = keep(Mosquitto.start("set_tcp_nodelay true\n", true));
        Mosquitto siteA = keep(Mosquitto.start(Mosquitto.bridgeTo(central, "site-a", "leantta"), true));
        Mosquitto siteB = keep(Mosquitto.start(Mosquitto.bridgeTo(central, "site-b", "leantta"), true));
        Path home = Shipped.home();
        List<GatewayProcess> gateways = List.of(
                keep(GatewayProcess.start(home, siteA.url(), "gw-a1", "north", "", System.out)),
                keep(GatewayProcess.start(home, siteA.url(), "gw-a2", "north,line-2", "", System.out)),
                keep(GatewayProcess.start(home, siteB.url(), "gw-b1", "north", "", System.out)));
        for (GatewayProcess g : gateways) {
            g.awaitServing(START);
        }
        MonitorCommand.Started monitor = keep(MonitorCommand.start(central.url(), "leantta", 0, ""));
        await("every gateway online at the monitor", () -> monitor.view().online().size() == 3);

        publishSamples(Map.of(siteA, List.of("gw-a1", "gw-a2"), siteB, List.of("gw-b1")), SAMPLES);
        ChromeDriver browser = browser(tmp);
        keep(browser::quit);
        browser.get(monitor.server().url().replace("http://", "http://" + monitor.server().user() + ":"
                + monitor.server().password() + "@"));
        awaitPage(browser, "the charts of the three gateways with their sensors' predictions", () ->
                browser.findElements(By.cssSelector(".card .chart canvas")).size() == 3
                        && predictionsShown(browser, "gw-b1", "cam1") == SAMPLES);

        browser.findElement(By.cssSelector("[data-scope=group][data-target=north][data-command=reset]")).click();

        awaitPage(browser, "the group reset answered by all three", () ->
                !browser.findElements(By.cssSelector("#requests td[data-answered='3/3']")).isEmpty());
        await("a reset event of each gateway at the monitor",
                () -> monitor.view().devicesWithEvent("reset").size() == 3);
        // the README's picture (docs/fleet-monitor.png) is this screenshot
        Files.write(Path.of("target", "fleet-monitor.png"), browser.getScreenshotAs(OutputType.BYTES));

        gateways.get(2).kill();
        awaitPage(browser, "gw-b1 offline through its last will", () -> !browser.findElements(
                By.cssSelector(".card[data-device=gw-b1] [data-online=offline]")).isEmpty());
        assertThat(monitor.view().online()).containsExactlyInAnyOrder("gw-a1", "gw-a2");
    }

    private static ChromeDriver browser(Path tmp) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1300,1250", "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(driver, options);
    }

    private static int predictionsShown(ChromeDriver browser, String device, String sensor) {
        List<WebElement> cells = browser.findElements(By.cssSelector(".card[data-device=" + device + "] tr[data-sensor="
                + sensor + "] td"));
        return cells.size() < 2 ? -1 : Integer.parseInt(cells.get(1).getText());
    }

    /**
     * Validation images as uint8 JSON samples to sensor cam1 of every gateway, through its site broker, one to each
     * gateway every 100 ms (so that the charts draw lines); gw-b1's sensor sees them inverted, a strong shift.
     */
    private static void publishSamples(Map<Mosquitto, List<String>> sites, int n) throws Exception {
        ImageSet images = Shipped.validationSet();
        Map<String, MqttClient> clients = new java.util.HashMap<>();
        for (Map.Entry<Mosquitto, List<String>> site : sites.entrySet()) {
            MqttClient c = new MqttClient(site.getKey().url(), "fleet-it-sensor-" + site.getKey().port(),
                    new MemoryPersistence());
            c.connect();
            site.getValue().forEach(device -> clients.put(device, c));
        }
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, MqttClient> e : clients.entrySet()) {
                boolean inverted = e.getKey().equals("gw-b1");
                StringBuilder data = new StringBuilder();
                for (float v : images.image(i)) {
                    data.append(data.length() == 0 ? "" : ",").append(Math.round((inverted ? 1 - v : v) * 255));
                }
                String json = "{\"id\":\"s" + i + "\",\"ts\":" + System.currentTimeMillis()
                        + ",\"encoding\":\"uint8\",\"data\":[" + data + "]}";
                e.getValue().publish("leantta/" + e.getKey() + "/sensors/cam1", json.getBytes(StandardCharsets.UTF_8),
                        1, false);
            }
            Thread.sleep(100);
        }
        for (MqttClient c : new java.util.HashSet<>(clients.values())) {
            c.disconnect();
            c.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited for %s", what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitPage(ChromeDriver browser, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited for the page to show %s; page: %s", what,
                    browser.findElement(By.tagName("body")).getText()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}

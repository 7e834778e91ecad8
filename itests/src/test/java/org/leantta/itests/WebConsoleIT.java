package org.leantta.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.gateway.Gateway;
import org.leantta.gateway.GatewayOptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator in headless Chromium: opens the LeanTTA model's page in the web console of the gateway runtime
 * (configured from the shipped Kura snapshot), changes tau, saves, and a status command over MQTT (Mosquitto)
 * reports the new tau.
 */
class WebConsoleIT {
    private static final String MODEL = "org.leantta.kura.model.LeanTtaModel";
    private static final String DEVICE = "web-it";
    private static Gateway gateway;
    private static ChromeDriver browser;

    @BeforeAll
    static void startGatewayAndBrowser(@TempDir Path storage) throws Exception {
        Path home = Path.of(OsgiRuntime.required("leantta.home"));
        gateway = new Gateway(GatewayOptions.builder().storageDir(storage)
                .snapshot(home.resolve("kura-config/leantta-snapshot.xml"))
                .override("org.leantta.kura.mqtt.MqttBridge", Map.of("broker.url", Mosquitto.shared().url(),
                        "device.id", DEVICE))
                .httpPort(0).build()).start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(storage.getParent(), "chromium-profile"));
        // the Debian driver, given explicitly: Selenium would otherwise try to download one
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void tauChangedInTheWebConsoleShowsInAStatusReply() throws Exception {
        String base = "leantta/" + DEVICE + "/";
        try (MqttProbe probe = MqttProbe.answersOf(Mosquitto.shared().url(), "web-it-operator", base)) {
            assertThat(tau(probe, base, "before")).isEqualTo(0.85);

            givenTheModelPageIsOpen();
            WebElement tau = browser.findElement(By.cssSelector("div.ui-dialog form#editorForm textarea[name='tau']"));
            assertThat(tau.getAttribute("value")).isEqualTo("0.85");
            tau.clear();
            tau.sendKeys("0.6");
            save();

            long deadline = System.currentTimeMillis() + 20_000;
            double now = tau(probe, base, "after-0");
            for (int i = 1; now != 0.6 && System.currentTimeMillis() < deadline; i++) {
                Thread.sleep(100);
                now = tau(probe, base, "after-" + i);
            }
            assertThat(now).isEqualTo(0.6);
        }
    }

    private static void givenTheModelPageIsOpen() {
        // basic auth: Chromium takes the credentials from the URL and reuses them for the page's requests
        browser.get(gateway.webConsoleUrl().replace("http://", "http://" + gateway.adminUser() + ":"
                + gateway.adminPassword() + "@") + "/configMgr/" + gateway.configurationPid(MODEL));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.ui-dialog form#editorForm")));
        WebElement title = browser.findElement(By.cssSelector("div.ui-dialog .ui-dialog-title"));
        assertThat(title.getText()).contains("LeanTTA model");
    }

    private static void save() throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "web-console"));
        Files.write(shots.resolve("leantta-model-before-save.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElements(By.cssSelector("div.ui-dialog-buttonpane button")).stream()
                .filter(b -> b.getText().trim().equals("Save")).findFirst()
                .orElseThrow(() -> new AssertionError("no Save button in the configuration dialog"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/configMgr"));
    }

    private static double tau(MqttProbe probe, String base, String requestId) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (int attempt = 0; ; attempt++) {
            String id = requestId + "-" + attempt;
            probe.publish(base + "commands/status", "{\"requestId\":\"" + id + "\"}");
            try {
                Map<String, Object> reply = probe.await(r -> r.topic().equals(base + "replies/" + id), 1000).body();
                assertThat(reply.get("status")).isEqualTo(200.0);
                return ((Number) ((Map<?, ?>) reply.get("configuration")).get("tau")).doubleValue();
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
            }
        }
    }
}

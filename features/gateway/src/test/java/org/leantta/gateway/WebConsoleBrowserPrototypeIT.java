package org.leantta.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PROTOTYPE, not part of the build's tests: drives the web console's configuration page with headless Debian
 * Chromium through Selenium. Runs only with {@code -Dleantta.browser.prototype=true}, e.g.
 * {@code mvn -o verify -pl features/gateway -Dit.test=WebConsoleBrowserPrototypeIT -Dleantta.browser.prototype=true}
 * (needs {@code apt-get install -y chromium chromium-driver}).
 *
 * <p>What the 5.0.18 page does: {@code /system/console/configMgr/<pid>} renders the list and, from the inline
 * {@code selectedPid}, config.js fetches {@code configMgr/<pid>?post=true} (JSON) and opens a jQuery UI dialog
 * ({@code div.ui-dialog} wrapping {@code div#editor}) holding {@code form#editorForm}. Fields are named by the
 * property id: text-like types are {@code textarea[name=id]}, Boolean a checkbox {@code input[type=checkbox][name=id]}
 * (plus a hidden "false"), Options a {@code select[name=id]}, Password {@code input[type=password]}. The dialog
 * buttons are {@code div.ui-dialog-buttonpane button}: Cancel, Reset, Delete, Unbind, Save; Save POSTs the form
 * with AJAX and then reloads {@code /system/console/configMgr}.
 */
@EnabledIfSystemProperty(named = "leantta.browser.prototype", matches = "true")
class WebConsoleBrowserPrototypeIT {

    private static Gateway gateway;
    private static WebDriver driver;

    @BeforeAll
    static void start(@TempDir Path storage) throws Exception {
        gateway = new Gateway(GatewayOptions.builder().storageDir(storage)
                .snapshot(Path.of("src/test/resources/gateway-it-snapshot.xml")).build()).start();
        driver = newDriver();
    }

    private static ChromeDriver newDriver() throws Exception {
        // under target/, so mvn clean removes it
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // an explicit driver: Selenium Manager would try to download one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Basic auth: Chromium takes credentials in the URL for a top-level navigation and reuses them for XHR. */
    private static void open(String pid) {
        String url = gateway.webConsoleUrl().replace("http://",
                "http://" + gateway.adminUser() + ":" + gateway.adminPassword() + "@") + "/configMgr/" + pid;
        driver.get(url);
    }

    private static WebElement dialog() {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.ui-dialog form#editorForm")));
    }

    private static void save(String pid) throws Exception {
        screenshot(pid + "-before-save");
        WebElement save = driver.findElements(By.cssSelector("div.ui-dialog-buttonpane button")).stream()
                .filter(b -> b.getText().trim().equals("Save")).findFirst().orElseThrow();
        save.click();
        // after the POST the page navigates back to the list
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/configMgr"));
    }

    private static Object awaitValue(String pid, String key, Object expected) throws Exception {
        Object v = null;
        for (int i = 0; i < 100; i++) {
            Dictionary<String, Object> p = gateway.configurationAdmin().getConfiguration(pid, "?").getProperties();
            v = p == null ? null : p.get(key);
            if (expected.equals(v)) {
                break;
            }
            Thread.sleep(100);
        }
        return v;
    }

    private static void screenshot(String name) throws Exception {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Path dir = Files.createDirectories(Path.of("target", "browser-prototype"));
        Files.write(dir.resolve(name + ".png"), png);
    }

    /** The other way that works: Selenium's HasAuthentication (CDP, selenium-devtools-v156 for Chromium 156). */
    @Test
    void logsInThroughDevToolsToo() throws Exception {
        ChromeDriver other = newDriver();
        try {
            ((HasAuthentication) other).register(UsernameAndPassword.of(gateway.adminUser(), gateway.adminPassword()));
            other.get(gateway.webConsoleUrl() + "/configMgr/" + GatewayIT.EVENTADMIN_PID);
            new WebDriverWait(other, Duration.ofSeconds(20)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.ui-dialog form#editorForm")));
        } finally {
            other.quit();
        }
    }

    @Test
    void changesAnIntegerFieldOfEventAdmin() throws Exception {
        String pid = GatewayIT.EVENTADMIN_PID;
        open(pid);
        WebElement form = dialog();
        WebElement timeout = form.findElement(By.cssSelector("textarea[name='org.apache.felix.eventadmin.Timeout']"));
        assertThat(timeout.getAttribute("value")).isEqualTo("4000");
        timeout.clear();
        timeout.sendKeys("6000");
        save(pid);
        assertThat(awaitValue(pid, "org.apache.felix.eventadmin.Timeout", 6000)).isEqualTo(6000);
    }

    @Test
    void changesFloatAndOptionFieldsOfTheLeanTtaModel() throws Exception {
        String pid = "org.leantta.kura.model.LeanTtaModel";
        open(pid);
        WebElement form = dialog();
        WebElement tau = form.findElement(By.cssSelector("textarea[name='tau']"));
        assertThat(tau.getAttribute("value")).isEqualTo("0.85"); // the MetaType default: no configuration yet
        tau.clear();
        tau.sendKeys("0.7");
        new Select(form.findElement(By.cssSelector("select[name='rule']"))).selectByValue("paper");
        List<WebElement> enabled = form.findElements(By.cssSelector("input[type='checkbox'][name='adaptation.enabled']"));
        assertThat(enabled).hasSize(1);
        save(pid);
        assertThat(awaitValue(pid, "tau", 0.7f)).isEqualTo(0.7f);
        assertThat(awaitValue(pid, "rule", "paper")).isEqualTo("paper");
        screenshot(pid + "-after-save");
    }
}

package org.leantta.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Dictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/** Starts the real gateway runtime (bundles from target/bundles, so it runs after package). */
class GatewayIT {

    static final String SAMPLE_PID = "org.leantta.gateway.it.Sample";
    static final String EVENTADMIN_PID = "org.apache.felix.eventadmin.impl.EventAdmin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void startsConfiguresServesTheConsoleAndStops(@TempDir Path storage) throws Exception {
        GatewayOptions options = GatewayOptions.builder()
                .storageDir(storage)
                .snapshot(Path.of("src/test/resources/gateway-it-snapshot.xml"))
                .override(SAMPLE_PID, "threshold", 0.5)
                .override("org.leantta.gateway.it.OnlyOverride", "enabled", true)
                .build();
        Bundle systemBundle;
        int port;
        try (Gateway gateway = new Gateway(options).start()) {
            systemBundle = gateway.bundleContext().getBundle(0);
            port = gateway.httpPort();
            assertThat(port).isPositive();
            assertThat(gateway.webConsoleUrl()).isEqualTo("http://127.0.0.1:" + port + "/system/console");

            // every non-fragment bundle is active
            for (Bundle b : gateway.bundleContext().getBundles()) {
                if (b.getHeaders("").get("Fragment-Host") == null) {
                    assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE);
                }
            }
            // of the two native fragments, this platform's is attached to the components bundle (resolved), the
            // other platform's stays installed: its osgi.native requirement is not met
            String here = "aarch64".equals(System.getProperty("os.arch")) ? "aarch64" : "x86_64";
            for (Bundle b : gateway.bundleContext().getBundles()) {
                if (String.valueOf(b.getSymbolicName()).startsWith("org.leantta.kura.native.linux.")) {
                    assertThat(b.getState()).as(b.getSymbolicName())
                            .isEqualTo(b.getSymbolicName().endsWith("." + here) ? Bundle.RESOLVED : Bundle.INSTALLED);
                }
            }
            assertThat(Arrays.stream(gateway.bundleContext().getBundles()).map(Bundle::getSymbolicName))
                    .contains("org.leantta.kura", "org.leantta.kura.native.linux.x86_64",
                            "org.leantta.kura.native.linux.aarch64")
                    .doesNotContain("org.eclipse.paho.client.mqttv3", "org.leantta.core", "org.leantta.onnx");

            // snapshot + overrides reached ConfigurationAdmin, typed
            ConfigurationAdmin cm = gateway.configurationAdmin();
            Dictionary<String, Object> sample = cm.getConfiguration(SAMPLE_PID, "?").getProperties();
            assertThat(sample.get("name")).isEqualTo("from the snapshot");
            assertThat(sample.get("threshold")).isEqualTo(0.5);
            assertThat(sample.get("topics")).isEqualTo(new String[] {"a/b", "c/d"});
            assertThat(cm.getConfiguration("org.leantta.gateway.it.OnlyOverride", "?").getProperties()
                    .get("enabled")).isEqualTo(true);
            assertThat(cm.getConfiguration(EVENTADMIN_PID, "?").getProperties()
                    .get("org.apache.felix.eventadmin.Timeout")).isEqualTo(4000);
            Object storedPassword = cm.getConfiguration(Gateway.WEB_CONSOLE_PID, "?").getProperties().get("password");
            assertThat(String.valueOf(storedPassword)).startsWith("{sha-256}").doesNotContain(gateway.adminPassword());

            // the console wants credentials, takes the generated ones, refuses the default and wrong ones
            String configMgr = gateway.webConsoleUrl() + "/configMgr";
            HttpResponse<String> anonymous = get(configMgr, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).contains("LeanTTA gateway"));
            assertThat(get(configMgr, "admin:admin").statusCode()).isEqualTo(401);
            assertThat(get(configMgr, "admin:" + gateway.adminPassword() + "x").statusCode()).isEqualTo(401);
            String credentials = "admin:" + gateway.adminPassword();
            assertThat(get(configMgr, credentials).statusCode()).isEqualTo(200);
            // the DS plugin is there
            assertThat(get(gateway.webConsoleUrl() + "/components", credentials).statusCode()).isEqualTo(200);

            // the page for a pid renders a MetaType form: its JSON (what config.js fetches) has typed attributes
            HttpResponse<String> page = get(configMgr + "/" + EVENTADMIN_PID, credentials);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("selectedPid = '" + EVENTADMIN_PID + "'");
            HttpResponse<String> form = get(configMgr + "/" + EVENTADMIN_PID + "?post=true", credentials);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("\"org.apache.felix.eventadmin.Timeout\"").contains("4000")
                    .contains("\"description\"");

            // Jetty listens on 127.0.0.1 only: another loopback address of this machine is refused
            assertThatThrownBy(() -> connect("127.0.0.2", port)).isInstanceOf(IOException.class);
        }
        assertThat(systemBundle.getState()).isEqualTo(Bundle.RESOLVED);
        assertThatThrownBy(() -> connect("127.0.0.1", port)).isInstanceOf(IOException.class);
    }

    private HttpResponse<String> get(String url, String userColonPassword) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (userColonPassword != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}

package org.leantta.kura.mqtt;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leantta.core.json.Json;

/**
 * The component's activation with Kura's CryptoService present. No broker: the bridge points at a closed local
 * port and keeps retrying in the background, which is all these tests need.
 */
class MqttBridgeTest {
    private final FakeModel model = new FakeModel();
    private final FakeCryptoService crypto = new FakeCryptoService();
    private MqttBridge bridge;

    @AfterEach
    void deactivate() throws InterruptedException {
        if (bridge != null) {
            bridge.deactivate();
        }
    }

    @Test
    void encryptedPasswordsAreDecryptedWhenTheBridgeActivates() throws Exception {
        givenBridge(Map.of("username", "op", "password", FakeCryptoService.encrypt("pw")));

        assertThat(crypto.decrypted()).containsExactly("enc:pw");
    }

    @Test
    void aPasswordTheCryptoServiceCannotDecryptLeavesTheBridgeActiveIdleAndSayingWhy() throws Exception {
        givenBridge(Map.of("password", "typed-in-clear"));

        assertThat(bridge()).containsEntry("connected", false).doesNotContainKey("configuration");
        assertThat((String) bridge().get("refusedConfiguration"))
                .contains("could not be decrypted with Kura's CryptoService");
    }

    @Test
    void anUpdateIsDecryptedTooAndARefusedOneKeepsTheCurrentOneAndSaysWhy() throws Exception {
        givenBridge(Map.of());

        bridge.modified(config(Map.of("password", FakeCryptoService.encrypt("new"), "queue.size", 5)));

        assertThat(crypto.decrypted()).containsExactly("enc:new");
        bridge.modified(config(Map.of("qos", 7)));
        assertThat(bridge()).containsEntry("refusedConfiguration", "qos must be 0, 1 or 2, got 7");
        assertThat(configuration()).containsEntry("queue.size", 5);
    }

    @Test
    void aCryptoServiceThatArrivesAfterActivationDecryptsThePasswordsThen() throws Exception {
        bridge = new MqttBridge();
        bridge.predictor = model;
        bridge.control = model;
        bridge.activate(config(Map.of("username", "op", "password", FakeCryptoService.encrypt("pw"))));
        assertThat(crypto.decrypted()).isEmpty();

        bridge.bindCrypto(crypto);

        assertThat(crypto.decrypted()).containsExactly("enc:pw");
        assertThat(bridge()).doesNotContainKey("refusedConfiguration");
    }

    @Test
    void aDisabledBridgeDoesNotConnect() throws Exception {
        givenBridge(Map.of("enabled", false));

        assertThat(bridge()).containsEntry("enabled", false).containsEntry("connected", false)
                .doesNotContainKey("lastError");
    }

    @Test
    void itsStatusIsAFrontStatusAndTheCommandStatusShowsTheOtherFronts() throws Exception {
        givenBridge(Map.of("commands.token", FakeCryptoService.encrypt("t0ken")));
        bridge.fronts = List.of(() -> Map.of("cloudFront", Map.of("publisher", false)));

        Map<String, Object> all = bridge.describeAll();

        assertThat(bridge.status()).containsKeys("bridge", "counters", "queue").doesNotContainKey("fronts");
        assertThat(all).containsEntry("fronts", List.of(Map.of("cloudFront", Map.of("publisher", false))));
        assertThat(configuration()).containsEntry("commands.token", "(set)");
        assertThat(Json.compact(all)).doesNotContain("t0ken");
    }

    @Test
    void aCommandTokenTheCryptoServiceCannotDecryptRefusesTheConfiguration() throws Exception {
        givenBridge(Map.of("commands.token", "typed-in-clear"));

        assertThat((String) bridge().get("refusedConfiguration"))
                .contains("could not be decrypted with Kura's CryptoService");
    }

    @Test
    void aBrokerThatIsAwayIsNamedWithTheCauseAndTheBacklogIsShown() throws Exception {
        givenBridge(Map.of());

        String error = awaitLastError("Connection refused");

        assertThat(error).contains("cannot connect to tcp://127.0.0.1:1 as leantta-unit-test")
                .contains("Unable to connect to server");
        // the bridge's own event ("connecting to ...") waits for the broker
        assertThat(bridge().get("delivery")).asString().contains("held=1");
    }

    @Test
    void aModelThatIsNotServingAtStartUpIsReportedOnceTheBrokerIsReachable() throws Exception {
        model.notReady = "no model loaded: model.sha256: the model differs";

        givenBridge(Map.of());

        // the broker (port 1) is unreachable: the report and the refused event wait with the bridge's own event
        assertThat(bridge().get("delivery")).asString().contains("held=3");
        assertThat(counters()).containsEntry("rejected", 0L);
    }

    @Test
    void aTlsFailureIsNamedWithItsCause() throws Exception {
        try (ServerSocket notTls = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerWithGarbage(notTls));
            server.setDaemon(true);
            server.start();
            givenBridge(Map.of("broker.url", "ssl://127.0.0.1:" + notTls.getLocalPort(), "tls.enabled", true));

            assertThat(awaitLastError("Unsupported or unrecognized SSL message")).contains("cannot connect to ssl://127.0.0.1:"
                    + notTls.getLocalPort());
        }
    }

    /** A server that is not TLS: it answers every connection with a line of text and closes it. */
    private static void answerWithGarbage(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.getOutputStream().write("HTTP/1.0 400 not TLS\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Waits up to 20 s for the bridge's lastError to contain the text (the client connects in the background). */
    private String awaitLastError(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            Object error = bridge().get("lastError");
            if (error != null && error.toString().contains(text)) {
                return error.toString();
            }
            assertThat(System.currentTimeMillis()).as("lastError with %s, got %s", text, error).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** As SCR does it: references first, then the activation. */
    private void givenBridge(Map<String, Object> overrides) {
        bridge = new MqttBridge();
        bridge.predictor = model;
        bridge.control = model;
        bridge.bindCrypto(crypto);
        bridge.activate(config(overrides));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bridge() {
        return (Map<String, Object>) bridge.describe().get("bridge");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counters() {
        return (Map<String, Object>) bridge.describe().get("counters");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> configuration() {
        return (Map<String, Object>) bridge().get("configuration");
    }

    private static MqttBridgeConfig config(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("broker.url", "tcp://127.0.0.1:1", "device.id", "unit-test"));
        all.putAll(overrides);
        return Configs.of(MqttBridgeConfig.class, all);
    }
}

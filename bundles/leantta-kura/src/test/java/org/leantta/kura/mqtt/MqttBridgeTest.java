package org.leantta.kura.mqtt;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
    void aPasswordTheCryptoServiceCannotDecryptFailsTheActivation() {
        assertThatThrownBy(() -> givenBridge(Map.of("password", "typed-in-clear")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("could not be decrypted with Kura's CryptoService");
    }

    @Test
    void anUpdateIsDecryptedTooAndARefusedOneThrows() throws Exception {
        givenBridge(Map.of());

        bridge.modified(config(Map.of("password", FakeCryptoService.encrypt("new"), "queue.size", 5)));

        assertThat(crypto.decrypted()).containsExactly("enc:new");
        assertThatThrownBy(() -> bridge.modified(config(Map.of("qos", 7))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("qos must be 0, 1 or 2, got 7");
    }

    private void givenBridge(Map<String, Object> overrides) throws Exception {
        bridge = new MqttBridge(model, model, crypto, config(overrides));
    }

    private static MqttBridgeConfig config(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("broker.url", "tcp://127.0.0.1:1", "device.id", "unit-test"));
        all.putAll(overrides);
        return Configs.of(MqttBridgeConfig.class, all);
    }
}

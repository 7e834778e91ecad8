package org.leantta.kura.mqtt;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leantta.core.json.Json;

/** The edge between MqttBridgeConfig and plain values: what is refused, and with which words. */
class BridgeSettingsTest {
    private static final Secrets CLEAR = s -> s;

    @Test
    void theDefaultsAreValid() {
        BridgeSettings s = settings(Map.of());

        assertThat(s.brokerUrl()).isEqualTo("tcp://localhost:1883");
        assertThat(s.clientId()).as("derived from the device id").isEqualTo("leantta-gateway-1");
        assertThat(s.topics()).isEqualTo(new Topics("leantta", "gateway-1"));
        assertThat(s.qos()).isEqualTo(1);
    }

    @Test
    void valuesAreStrippedAndAGivenClientIdIsKept() {
        BridgeSettings s = settings(Map.of("broker.url", " ssl://broker:8883 ", "tls.enabled", true,
                "device.id", " gw-7 ", "client.id", " me ", "topic.prefix", " plant/leantta "));

        assertThat(s.brokerUrl()).isEqualTo("ssl://broker:8883");
        assertThat(s.clientId()).isEqualTo("me");
        assertThat(s.topics()).isEqualTo(new Topics("plant/leantta", "gw-7"));
    }

    @Test
    void aBrokerUrlThatIsNotTcpOrSslIsRefused() {
        thenRefused(Map.of("broker.url", "mqtt://broker:1883"),
                "broker.url must look like tcp://host:port or ssl://host:port, got mqtt://broker:1883");
        thenRefused(Map.of("broker.url", "tcp://broker:1883/path"), "broker.url must look like");
        thenRefused(Map.of("broker.url", "tcp://broker:abc"), "broker.url must look like");
    }

    @Test
    void tlsAndAnSslUrlGoTogether() {
        thenRefused(Map.of("tls.enabled", true), "tls.enabled needs an ssl:// broker.url and an ssl:// URL needs "
                + "tls.enabled, got tcp://localhost:1883 with tls.enabled=true");
        thenRefused(Map.of("broker.url", "ssl://broker:8883"), "got ssl://broker:8883 with tls.enabled=false");
    }

    @Test
    void groupsAreACommaSeparatedListOfTopicLevels() {
        BridgeSettings s = settings(Map.of("groups", " line-a, north ,, line-a "));

        assertThat(s.groups()).containsExactly("line-a", "north");
        assertThat(s.topics().controlFilters()).contains("leantta/fleet/north/commands/+");
        assertThat(s.needsReconnect(settings(Map.of("groups", "line-a")))).isTrue();
        thenRefused(Map.of("groups", "line-a, north/east"), "groups must be comma-separated names of letters, "
                + "digits, '-', '_' or '.', got north/east");
        thenRefused(Map.of("groups", "#"), "groups must be");
    }

    @Test
    void theDeviceIdFleetIsReservedForGroupCommands() {
        thenRefused(Map.of("device.id", "fleet"), "device.id 'fleet' is reserved for group commands");
    }

    @Test
    void qosOutsideZeroToTwoIsRefused() {
        thenRefused(Map.of("qos", 3), "qos must be 0, 1 or 2, got 3");
        thenRefused(Map.of("qos", -1), "qos must be 0, 1 or 2, got -1");
    }

    @Test
    void aDeviceIdThatIsNotOneTopicLevelIsRefused() {
        thenRefused(Map.of("device.id", "gw/1"), "device.id must be letters, digits, '-', '_' or '.', got gw/1");
        thenRefused(Map.of("device.id", "gw+"), "device.id must be letters, digits");
        thenRefused(Map.of("device.id", "  "), "device.id must be letters, digits");
    }

    @Test
    void aPrefixWithWildcardsOrEmptyLevelsIsRefused() {
        thenRefused(Map.of("topic.prefix", "leantta/#"), "topic.prefix must be topic levels without wildcards, "
                + "e.g. leantta or plant/leantta, got leantta/#");
        thenRefused(Map.of("topic.prefix", "plant//leantta"), "topic.prefix must be topic levels");
        thenRefused(Map.of("topic.prefix", "/leantta"), "topic.prefix must be topic levels");
    }

    @Test
    void queueLimitsOutOfRangeAreRefused() {
        thenRefused(Map.of("queue.size", 0), "queue.size must be in [1, 100000], got 0");
        thenRefused(Map.of("queue.size", 100_001), "queue.size must be in [1, 100000], got 100001");
        thenRefused(Map.of("queue.timeout.ms", -1), "queue.timeout.ms must be in [0, 600000], got -1");
        thenRefused(Map.of("queue.timeout.ms", 600_001), "queue.timeout.ms must be in [0, 600000], got 600001");
        thenRefused(Map.of("max.payload.bytes", 0), "max.payload.bytes must be in [1, 67108864], got 0");
        thenRefused(Map.of("max.payload.bytes", (64 << 20) + 1), "max.payload.bytes must be in [1, 67108864]");
    }

    @Test
    void backlogCapsOutOfRangeAndAnUnknownPayloadFormatAreRefused() {
        thenRefused(Map.of("backlog.size", 0), "backlog.size must be in [1, 1000000], got 0");
        thenRefused(Map.of("backlog.bytes", 1023), "backlog.bytes must be in [1024, 268435456], got 1023");
        thenRefused(Map.of("payload.format", "png"), "payload.format must be auto, json, uint8 or float32, got 'png'");
    }

    @Test
    void payloadFormatAndBacklogCapsAreReadAndShown() {
        BridgeSettings s = settings(Map.of("payload.format", " UINT8 ", "backlog.size", 5, "backlog.bytes", 2048));

        assertThat(s.payloadFormat()).isEqualTo(PayloadFormat.UINT8);
        assertThat(s.describe()).containsEntry("payload.format", "uint8").containsEntry("backlog.size", 5)
                .containsEntry("backlog.bytes", 2048);
        assertThat(s.needsReconnect(settings(Map.of()))).isFalse();
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        BridgeSettings s = settings(Map.of("queue.size", 100_000, "queue.timeout.ms", 0, "max.payload.bytes",
                64 << 20, "qos", 0));

        assertThat(s.queueSize()).isEqualTo(100_000);
        assertThat(s.maxPayloadBytes()).isEqualTo(64 << 20);
    }

    @Test
    void queueLimitsApplyWithoutReconnecting() {
        BridgeSettings s = settings(Map.of());

        assertThat(s.needsReconnect(settings(Map.of()))).isFalse();
        assertThat(s.needsReconnect(settings(Map.of("queue.size", 5, "queue.timeout.ms", 1,
                "max.payload.bytes", 10)))).isFalse();
    }

    @Test
    void connectionAndTopicSettingsNeedANewConnection() {
        BridgeSettings s = settings(Map.of());

        for (Map<String, Object> change : new Map[] {Map.of("broker.url", "tcp://other:1883"),
                Map.of("client.id", "other"), Map.of("username", "u"), Map.of("password", "p"),
                Map.of("broker.url", "ssl://localhost:8883", "tls.enabled", true),
                Map.of("tls.truststore.path", "/etc/ts.p12"), Map.of("tls.truststore.password", "p"),
                Map.of("qos", 2), Map.of("device.id", "gw-2"), Map.of("topic.prefix", "plant")}) {
            assertThat(s.needsReconnect(settings(change))).as("%s", change).isTrue();
        }
    }

    @Test
    void describeNeverShowsAPassword() {
        BridgeSettings s = settings(Map.of("username", "op", "password", "s3cret-pw",
                "tls.truststore.password", "s3cret-ts"));

        Map<String, Object> d = s.describe();

        assertThat(d).containsEntry("username", "op").containsEntry("password", "(set)")
                .doesNotContainKey("tls.truststore.password");
        assertThat(Json.compact(d)).doesNotContain("s3cret");
        assertThat(settings(Map.of()).describe()).containsEntry("password", "");
    }

    @Test
    void passwordsAreRevealedThroughSecrets() {
        FakeCryptoService crypto = new FakeCryptoService();

        BridgeSettings s = BridgeSettings.from(Configs.of(MqttBridgeConfig.class, Map.of("password",
                FakeCryptoService.encrypt("pw"), "tls.truststore.password", FakeCryptoService.encrypt("ts"))),
                Secrets.of(crypto));

        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.trustStorePassword()).isEqualTo("ts");
    }

    @Test
    void theCommandTokenIsDecryptedNeverShownAndChangesWithoutReconnecting() {
        BridgeSettings s = BridgeSettings.from(Configs.of(MqttBridgeConfig.class, Map.of("commands.token",
                FakeCryptoService.encrypt("t0ken"))), Secrets.of(new FakeCryptoService()));

        assertThat(s.commandsToken()).isEqualTo("t0ken");
        assertThat(s.describe()).containsEntry("commands.token", "(set)");
        assertThat(s.toString()).doesNotContain("t0ken");
        assertThat(s.guard().refusal(new Item.Command("reset", "r", Map.of("token", "t0ken")), null)).isNull();
        assertThat(s.guard().refusal(new Item.Command("reset", "r", Map.of()), null)).startsWith("not authorized");
        assertThat(settings(Map.of()).needsReconnect(settings(Map.of("commands.token", "other")))).isFalse();
        assertThat(settings(Map.of()).describe()).containsEntry("commands.token", "");
    }

    @Test
    void toStringShowsNoPassword() {
        assertThat(settings(Map.of("password", "s3cret-pw", "tls.truststore.password", "s3cret-ts")).toString())
                .contains("password=(set)").doesNotContain("s3cret");
    }

    private static BridgeSettings settings(Map<String, Object> overrides) {
        return BridgeSettings.from(Configs.of(MqttBridgeConfig.class, new HashMap<>(overrides)), CLEAR);
    }

    private static void thenRefused(Map<String, Object> overrides, String message) {
        assertThatThrownBy(() -> settings(overrides)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}

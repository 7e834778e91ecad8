package org.leantta.kura.mqtt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validated configuration of {@link MqttBridge}; passwords already decrypted. */
record BridgeSettings(String brokerUrl, String clientId, String username, String password, boolean tls,
                      String trustStore, String trustStorePassword, int qos, String deviceId, String topicPrefix,
                      int queueSize, int queueTimeoutMs, int maxPayloadBytes, PayloadFormat payloadFormat,
                      int backlogSize, int backlogBytes, String commandsToken, List<String> groups) {
    private static final String LEVEL = "[A-Za-z0-9._-]+";

    BridgeSettings {
        check(brokerUrl.matches("(tcp|ssl)://[^\\s/:]+(:\\d{1,5})?/?"), "broker.url must look like tcp://host:port or "
                + "ssl://host:port", brokerUrl);
        check(tls == brokerUrl.startsWith("ssl://"), "tls.enabled needs an ssl:// broker.url and an ssl:// URL needs "
                + "tls.enabled", brokerUrl + " with tls.enabled=" + tls);
        check(qos >= 0 && qos <= 2, "qos must be 0, 1 or 2", qos);
        check(deviceId.matches(LEVEL), "device.id must be letters, digits, '-', '_' or '.'", deviceId);
        check(!deviceId.equals(Topics.FLEET), "device.id '" + Topics.FLEET + "' is reserved for group commands "
                + "({topic.prefix}/fleet/{group}/commands/...): choose another", deviceId);
        groups = List.copyOf(groups);
        for (String g : groups) {
            check(g.matches(LEVEL), "groups must be comma-separated names of letters, digits, '-', '_' or '.'", g);
        }
        check(topicPrefix.matches(LEVEL + "(/" + LEVEL + ")*"), "topic.prefix must be topic levels without "
                + "wildcards, e.g. leantta or plant/leantta", topicPrefix);
        check(queueSize >= 1 && queueSize <= 100_000, "queue.size must be in [1, 100000]", queueSize);
        check(queueTimeoutMs >= 0 && queueTimeoutMs <= 600_000, "queue.timeout.ms must be in [0, 600000]",
                queueTimeoutMs);
        check(maxPayloadBytes >= 1 && maxPayloadBytes <= 64 << 20, "max.payload.bytes must be in [1, 67108864]",
                maxPayloadBytes);
        check(clientId.length() <= 65_000, "client.id must be at most 65000 characters", clientId.length());
        check(backlogSize >= 1 && backlogSize <= 1_000_000, "backlog.size must be in [1, 1000000]", backlogSize);
        check(backlogBytes >= 1024 && backlogBytes <= 256 << 20, "backlog.bytes must be in [1024, 268435456]",
                backlogBytes);
    }

    static BridgeSettings from(MqttBridgeConfig c, Secrets secrets) {
        String device = c.device_id().strip();
        String client = c.client_id().strip().isEmpty() ? "leantta-" + device : c.client_id().strip();
        return new BridgeSettings(c.broker_url().strip(), client, c.username().strip(), secrets.reveal(c.password()),
                c.tls_enabled(), c.tls_truststore_path().strip(), secrets.reveal(c.tls_truststore_password()),
                c.qos(), device, c.topic_prefix().strip(), c.queue_size(), c.queue_timeout_ms(),
                c.max_payload_bytes(), PayloadFormat.parse(c.payload_format()), c.backlog_size(), c.backlog_bytes(),
                secrets.reveal(c.commands_token()), groups(c.groups()));
    }

    /** The comma-separated groups, without blanks and repeats. */
    static List<String> groups(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
    }

    private static void check(boolean ok, String what, Object got) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", got " + got);
        }
    }

    /** Whether going from this to {@code next} needs a new MQTT connection. */
    boolean needsReconnect(BridgeSettings next) {
        return !(brokerUrl.equals(next.brokerUrl) && clientId.equals(next.clientId) && username.equals(next.username)
                && password.equals(next.password) && tls == next.tls && trustStore.equals(next.trustStore)
                && trustStorePassword.equals(next.trustStorePassword) && qos == next.qos
                && deviceId.equals(next.deviceId) && topicPrefix.equals(next.topicPrefix)
                && groups.equals(next.groups));
    }

    Topics topics() {
        return new Topics(topicPrefix, deviceId, groups);
    }

    /** For status replies: passwords are never shown. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker.url", brokerUrl);
        m.put("client.id", clientId);
        m.put("username", username);
        m.put("password", password.isEmpty() ? "" : "(set)");
        m.put("tls.enabled", tls);
        m.put("tls.truststore.path", trustStore);
        m.put("qos", qos);
        m.put("device.id", deviceId);
        m.put("topic.prefix", topicPrefix);
        m.put("queue.size", queueSize);
        m.put("queue.timeout.ms", queueTimeoutMs);
        m.put("max.payload.bytes", maxPayloadBytes);
        m.put("commands.token", commandsToken.isEmpty() ? "" : "(set)");
        m.put("payload.format", payloadFormat.id());
        m.put("backlog.size", backlogSize);
        m.put("backlog.bytes", backlogBytes);
        m.put("groups", groups);
        return m;
    }

    /** Who may send commands: anyone with the token, if one is set. */
    CommandGuard guard() {
        return CommandGuard.of(commandsToken, "");
    }

    @Override
    public String toString() {
        return "BridgeSettings" + describe();
    }
}

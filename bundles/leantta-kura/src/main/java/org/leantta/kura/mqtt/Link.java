package org.leantta.kura.mqtt;

import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The bridge's two MQTT connections to one broker: samples in (client id {@code client.id}), and commands (the
 * device's and its fleet groups') in with every answer out (client id {@code client.id-control}), which also keeps
 * the gateway's retained online/offline state and last will on the events topic. Samples may hold their
 * connection back when inference is behind; nothing else depends on it, so answers keep flowing and commands
 * are answered at once even while thousands of samples queued for the gateway drain.
 */
final class Link implements AutoCloseable {
    static final String CONTROL_SUFFIX = "-control";
    private final Connection samples;
    private final Connection control;

    Link(BridgeSettings settings, Connection.Inbound inbound) throws MqttException {
        this(settings, null, inbound);
    }

    /**
     * With the settings it replaces, if any: a persistent session keeps its subscriptions, so those the previous
     * settings made under the same client ids and these do not (a group left, another device id) are removed.
     */
    Link(BridgeSettings settings, BridgeSettings previous, Connection.Inbound inbound) throws MqttException {
        Topics topics = settings.topics();
        String[] sensors = {topics.sensorsFilter()};
        String[] commands = topics.controlFilters();
        boolean sameClient = previous != null && previous.clientId().equals(settings.clientId());
        samples = new Connection(settings, settings.clientId(), sensors,
                sameClient ? stale(new String[] {previous.topics().sensorsFilter()}, sensors) : new String[0], null,
                inbound);
        try {
            control = new Connection(settings, settings.clientId() + CONTROL_SUFFIX, commands,
                    sameClient ? stale(previous.topics().controlFilters(), commands) : new String[0],
                    Presence.of(topics), inbound);
        } catch (MqttException | RuntimeException e) {
            samples.close();
            throw e;
        }
    }

    private static String[] stale(String[] before, String[] now) {
        java.util.List<String> keep = java.util.List.of(now);
        return java.util.Arrays.stream(before).filter(f -> !keep.contains(f)).toArray(String[]::new);
    }

    /** Where answers are published. */
    Outbox outbox() {
        return control;
    }

    void start() {
        samples.start();
        control.start();
    }

    boolean connected() {
        return samples.connected() && control.connected();
    }

    /** What went wrong last on either connection, or null. */
    String lastError() {
        String s = samples.lastError();
        String c = control.lastError();
        if (s == null || c == null) {
            return s == null ? c : s;
        }
        return s.equals(c) ? s : s + "; " + c;
    }

    @Override
    public void close() {
        samples.close();
        control.close();
    }
}

package org.leantta.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.core.json.Json;

/**
 * Asks the MQTT bridge for its status the way an operator would: a {@code status} command (request ids
 * {@code console-<n>}) on its broker, answered on its replies topic. One client, reconnected when the bridge's
 * broker or credentials change.
 */
final class BridgeProbe implements AutoCloseable {

    /** The reply, or why there is none. */
    record Answer(Map<String, Object> reply, String failure) {
        boolean answered() {
            return reply != null;
        }
    }

    /** Paho runs its connect, receiver, sender and callback on it at once; daemon threads never hold the JVM. */
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(8, r -> {
        Thread t = new Thread(r, "leantta-console-probe");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private MqttClient client;
    private BridgeTarget target;
    private long sequence;

    synchronized Answer ask(BridgeTarget t, Duration timeout) throws InterruptedException {
        try {
            connect(t, timeout);
        } catch (MqttException e) {
            return new Answer(null, "cannot reach its broker " + t.url() + " from here: " + describe(e));
        }
        String id = "console-" + (++sequence);
        String marker = "\"requestId\":\"" + id + "\"";
        try {
            replies.clear();
            client.publish(t.base() + "commands/status", ("{" + marker + "}").getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            return new Answer(null, "cannot send a status command to " + t.url() + ": " + describe(e));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String r; (r = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (r.contains(marker)) {
                return new Answer(Json.parseObject(r), null);
            }
        }
        return new Answer(null, "no answer to a status command on " + t.base() + "commands/status at " + t.url()
                + " within " + timeout.toSeconds() + " s");
    }

    private void connect(BridgeTarget t, Duration timeout) throws MqttException {
        if (client != null && client.isConnected() && t.equals(target)) {
            return;
        }
        close();
        target = t;
        client = new MqttClient(t.url(), "leantta-console-" + ProcessHandle.current().pid(), new MemoryPersistence(),
                executor);
        client.setCallback(new Callback());
        client.connect(options(t, timeout));
        client.subscribe(t.base() + "replies/+", 1);
    }

    private static MqttConnectOptions options(BridgeTarget t, Duration timeout) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        o.setKeepAliveInterval(30);
        if (!t.username().isEmpty()) {
            o.setUserName(t.username());
            o.setPassword(t.password().toCharArray());
        }
        if (t.tls() && !t.truststore().isEmpty()) {
            Properties ssl = new Properties();
            ssl.setProperty("com.ibm.ssl.trustStore", t.truststore());
            ssl.setProperty("com.ibm.ssl.trustStorePassword", t.truststorePassword());
            o.setSSLProperties(ssl);
        }
        return o;
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            // the next question reconnects
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            replies.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            b.append(": ").append(c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName());
        }
        return b.toString();
    }

    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(500, 500);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // a probe: nothing to keep
        }
        client = null;
    }

    /** Closes the client and its thread for good. */
    void shutdown() {
        close();
        executor.shutdownNow();
    }
}

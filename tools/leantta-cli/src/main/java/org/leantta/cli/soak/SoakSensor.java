package org.leantta.cli.soak;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.core.json.Json;

/**
 * The soak's sensors and operator: publishes samples (QoS 1, without waiting for each acknowledgement, up to
 * {@value #IN_FLIGHT} in flight) over several sensor topics and records the answers.
 */
final class SoakSensor implements AutoCloseable {
    private static final int IN_FLIGHT = 1000;
    private static final long TIMEOUT_MS = 10_000;
    private final MqttAsyncClient client;
    private final String base;
    private final int sensors;
    private final SamplePool pool;
    private final Answers answers = new Answers();
    private final LinkedBlockingQueue<Map<String, Object>> replies = new LinkedBlockingQueue<>();

    SoakSensor(String broker, String base, int sensors, SamplePool pool) throws MqttException {
        this.base = base;
        this.sensors = sensors;
        this.pool = pool;
        client = new MqttAsyncClient(broker, "soak-sensors-" + ProcessHandle.current().pid(), new MemoryPersistence());
        client.setCallback(new Callback());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(IN_FLIGHT);
        client.connect(o).waitForCompletion(TIMEOUT_MS);
        client.subscribe(new String[] {base + "predictions/+", base + "errors", base + "replies/+"},
                new int[] {1, 1, 1}).waitForCompletion(TIMEOUT_MS);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            System.err.println("soak: connection to the broker lost: " + cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) {
            if (topic.startsWith(base + "replies/")) {
                replies.add(Json.parseObject(new String(m.getPayload(), StandardCharsets.UTF_8)));
            } else {
                answers.record(topic.equals(base + "errors"), m.getPayload());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    /** Publishes sample {@code id} on sensor {@code s<id mod sensors>}; waits while the in-flight window is full. */
    void send(long id) throws MqttException, InterruptedException {
        String topic = base + "sensors/s" + (id % sensors);
        byte[] body = pool.sample(id);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            try {
                client.publish(topic, body, 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT
                        || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(1);
            }
        }
    }

    /** Sends a status command until the gateway answers one (up to {@code timeoutMs}); its reply, or null. */
    Map<String, Object> status(String requestId, long timeoutMs) throws MqttException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (int attempt = 0; System.currentTimeMillis() < deadline; attempt++) {
            String id = requestId + "-" + attempt;
            client.publish(base + "commands/status",
                    ("{\"requestId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(TIMEOUT_MS);
            long until = Math.min(deadline, System.currentTimeMillis() + 2000);
            for (Map<String, Object> r; (r = replies.poll(until - System.currentTimeMillis(),
                    TimeUnit.MILLISECONDS)) != null; ) {
                if (id.equals(r.get("requestId"))) {
                    return r;
                }
            }
        }
        return null;
    }

    Answers answers() {
        return answers;
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(TIMEOUT_MS);
            }
        } finally {
            client.close(true);
        }
    }
}

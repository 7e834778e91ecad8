package org.leantta.itests;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.core.json.Json;

/**
 * A sensor or an operator for fault-injection tests: an asynchronous client that publishes as fast as the broker
 * takes messages, collects what arrives on its subscriptions, and reconnects every 20 ms while the broker is
 * away. With a persistent session it loses nothing across a broker restart: Paho sends its unacknowledged
 * publications again, and the broker keeps what arrives for it meanwhile.
 */
final class LiveClient implements MqttCallbackExtended, AutoCloseable {
    private static final long RETRY_MS = 20;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final String[] filters;
    private final LinkedBlockingQueue<MqttProbe.Received> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    LiveClient(String url, String clientId, boolean persistent, String... filters) throws Exception {
        this.filters = filters;
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setCallback(this);
        options.setCleanSession(!persistent);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(2);
        connect(30_000);
    }

    private void connect(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!closed && !client.isConnected()) {
            try {
                client.connect(options).waitForCompletion(3000);
            } catch (MqttException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not connect within " + timeoutMs + " ms", e);
                }
                Thread.sleep(RETRY_MS);
            }
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        for (String f : filters) {
            try {
                client.subscribe(f, 1);
            } catch (MqttException e) {
                throw new IllegalStateException("subscribe " + f, e);
            }
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        Thread t = new Thread(() -> {
            try {
                connect(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-client-reconnect");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        String text = new String(message.getPayload(), StandardCharsets.UTF_8);
        Map<String, Object> body;
        try {
            body = Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            body = Map.of("unparsable", text);
        }
        received.add(new MqttProbe.Received(topic, body));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    /** Publishes, waiting while the broker is away or the in-flight window is full (up to 2 minutes). */
    IMqttDeliveryToken publish(String topic, byte[] payload, int qos) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                return client.publish(topic, payload, qos, false);
            } catch (MqttException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not publish to " + topic + " for 2 minutes", e);
                }
                Thread.sleep(e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT ? 1 : RETRY_MS);
            }
        }
    }

    IMqttDeliveryToken publish(String topic, String payload, int qos) throws InterruptedException {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    /** The next message received, or null if none came within the timeout. */
    MqttProbe.Received poll(long timeoutMs) throws InterruptedException {
        return received.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Waits until every publication was acknowledged by the broker. */
    void awaitDelivered(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (client.getPendingDeliveryTokens().length > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(client.getPendingDeliveryTokens().length + " publications unacknowledged "
                        + "after " + timeoutMs + " ms");
            }
            Thread.sleep(RETRY_MS);
        }
    }

    @Override
    public void close() throws MqttException {
        closed = true;
        if (client.isConnected()) {
            client.disconnect(1000).waitForCompletion(2000);
        }
        client.close(true);
    }
}

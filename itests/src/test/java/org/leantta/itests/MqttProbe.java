package org.leantta.itests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.core.json.Json;

/** A sensor and an operator in one MQTT client: publishes samples and commands, collects everything answered. */
public final class MqttProbe implements AutoCloseable {
    /** One received message, its JSON body parsed. */
    public record Received(String topic, Map<String, Object> body) {
    }

    private final MqttClient client;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

    /** Subscribes to what the gateway publishes under {@code base}: predictions, errors, replies. */
    public static MqttProbe answersOf(String url, String clientId, String base) throws Exception {
        return new MqttProbe(url, clientId, base + "predictions/+", base + "errors", base + "replies/+");
    }

    public MqttProbe(String url, String clientId, String... subscriptions) throws Exception {
        this(url, new MqttConnectOptions(), clientId, subscriptions);
    }

    /** With connection options of its own (TLS, credentials); a clean session in any case. */
    public MqttProbe(String url, MqttConnectOptions o, String clientId, String... subscriptions) throws Exception {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o);
        for (String subscription : subscriptions) {
            client.subscribe(subscription, 1, (topic, msg) -> received.add(new Received(topic, parse(msg))));
        }
    }

    private static Map<String, Object> parse(MqttMessage msg) {
        String text = new String(msg.getPayload(), StandardCharsets.UTF_8);
        try {
            return Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            return Map.of("unparsable", text);
        }
    }

    public void publish(String topic, byte[] payload) throws Exception {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        client.publish(topic, m);
    }

    public void publish(String topic, String payload) throws Exception {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the first message that matches (others stay queued for later calls). */
    public Received await(Predicate<Received> match, long timeoutMs) throws InterruptedException {
        List<Received> skipped = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        try {
            while (true) {
                long left = deadline - System.currentTimeMillis();
                Received r = left <= 0 ? null : received.poll(left, TimeUnit.MILLISECONDS);
                if (r == null) {
                    throw new AssertionError("no matching message within " + timeoutMs + " ms; skipped " + skipped);
                }
                if (match.test(r)) {
                    return r;
                }
                skipped.add(r);
            }
        } finally {
            received.addAll(skipped);
        }
    }

    /** Collects messages whose topic contains {@code part} until {@code n} arrived or the timeout passed. */
    public List<Received> collect(String part, int n, long timeoutMs) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        List<Received> other = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (out.size() < n) {
            long left = deadline - System.currentTimeMillis();
            Received r = left <= 0 ? null : received.poll(left, TimeUnit.MILLISECONDS);
            if (r == null) {
                break;
            }
            (r.topic().contains(part) ? out : other).add(r);
        }
        received.addAll(other);
        return out;
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
        client.close();
    }
}

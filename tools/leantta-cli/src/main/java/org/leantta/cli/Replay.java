package org.leantta.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.core.json.Json;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.shift.StreamItem;

/**
 * The demo's sensor: publishes shifted test images as JSON float32 samples, at most {@value #IN_FLIGHT}
 * unanswered at a time, and scores the gateway's predictions against the labels.
 */
final class Replay implements AutoCloseable {
    private static final int IN_FLIGHT = 32;
    private static final String SENSOR = "camera";
    private final MqttClient client;
    private final String base;
    private final ImageSet data;
    private final DemoSchedule schedule;
    private final PrintStream out;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    /** The samples sent and not yet answered, by id. */
    private final Map<String, Sent> labels = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();

    /** A sample's true label and the condition it was sent in. */
    private record Sent(int label, String condition) {
    }

    Replay(String broker, String base, ImageSet data, DemoSchedule schedule, PrintStream out)
            throws Exception {
        this.base = base;
        this.data = data;
        this.schedule = schedule;
        this.out = out;
        // one sensor per gateway in a fleet demo: the client id names the gateway too
        client = new MqttClient(broker, "leantta-demo-sensor-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(base.hashCode()), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(IN_FLIGHT * 2);
        o.setSocketFactory(NoDelaySockets.INSTANCE);
        client.connect(o);
        client.subscribe(new String[] {base + "predictions/" + SENSOR, base + "errors", base + "replies/+"},
                new int[] {1, 1, 1}, null);
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                out.println("demo: connection to the broker lost: " + cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                Map<String, Object> body = Json.parseObject(new String(m.getPayload(), StandardCharsets.UTF_8));
                body.put("_topic", topic);
                answers.add(body);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken t) {
            }
        });
    }

    /** Asks for status until the gateway answers: then its bridge is subscribed. */
    private void awaitGateway() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        for (int attempt = 0; System.currentTimeMillis() < deadline; attempt++) {
            client.publish(base + "commands/status",
                    ("{\"requestId\":\"demo-ready-" + attempt + "\"}").getBytes(StandardCharsets.UTF_8), 1, false);
            Map<String, Object> a = answers.poll(500, TimeUnit.MILLISECONDS);
            if (a != null && String.valueOf(a.get("_topic")).contains("/replies/demo-ready-")) {
                answers.clear();
                return;
            }
        }
        throw new IllegalStateException("the gateway did not answer on " + base + "commands/status within 60 s");
    }

    /**
     * Replays until {@code count} answers or the deadline, printing a line every {@code every} answers and one for
     * the answers after the last full line; {@code stop} ends the sending early. Returns the scores.
     */
    DemoScore run(long count, long deadlineNanos, int every, int window, BooleanSupplier stop) throws Exception {
        awaitGateway();
        schedule.start(System.nanoTime(), deadlineNanos);
        out.printf("%9s  %-18s %13s %13s %8s %11s%n", "samples", "condition", "source acc %", "adapted acc %",
                "shift", "p50 ms");
        DemoScore score = new DemoScore(window);
        long sent = 0;
        while (score.answered() < count) {
            boolean sending = sent < count && System.nanoTime() < deadlineNanos && !stop.getAsBoolean();
            if (!sending && labels.isEmpty()) {
                break;
            }
            if (sending && this.window.tryAcquire()) {
                publish(sent++);
                continue;
            }
            Map<String, Object> a = answers.poll(sending ? 5 : 10_000, TimeUnit.MILLISECONDS);
            if (a == null && !sending) {
                out.println("demo: " + labels.size() + " samples not answered within 10 s");
                break;
            }
            if (a != null && score(a, score) && score.pending() == every) {
                print(score.line());
            }
        }
        if (score.pending() > 0) {
            print(score.line());
        }
        return score;
    }

    /** Scores an answer of ours; true when it was a prediction. */
    private boolean score(Map<String, Object> a, DemoScore score) {
        String topic = (String) a.get("_topic");
        if (topic.endsWith("/errors")) {
            out.println("demo: the gateway rejected a sample: " + a.get("reason"));
        }
        Sent sample = a.get("id") == null ? null : labels.remove((String) a.get("id"));
        if (sample == null) {
            return false;
        }
        this.window.release();
        if (!topic.contains("/predictions/")) {
            return false;
        }
        score.add(sample.condition(), ((Double) a.get("sourceClass")).intValue() == sample.label(),
                ((Double) a.get("class")).intValue() == sample.label(), (Double) a.get("shift"),
                ((Double) a.get("latencyMicros")).longValue());
        return true;
    }

    private void print(DemoScore.Point p) {
        out.printf("%9d  %-18s %13.1f %13.1f %8.4f %11.2f%n", p.samples(), p.condition(), p.sourceAccuracy(),
                p.adaptedAccuracy(), p.shift(), p.p50Millis());
    }

    private void publish(long i) throws Exception {
        StreamItem item = schedule.item(i, System.nanoTime());
        float[] x = item.apply(data.image(item.sampleIndex()), data.channels(), data.height(), data.width(), i);
        String id = "demo-" + i;
        labels.put(id, new Sent(data.label(item.sampleIndex()),
                item.isClean() ? "clean" : item.shiftName() + "@" + item.severity()));
        List<Float> values = new ArrayList<>(x.length);
        for (float v : x) {
            values.add(v);
        }
        String json = Json.compact(Map.of("id", id, "data", values));
        client.publish(base + "sensors/" + SENSOR, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect(1000);
        }
        client.close();
    }
}

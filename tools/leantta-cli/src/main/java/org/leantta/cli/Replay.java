package org.leantta.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final List<StreamItem> schedule;
    private final PrintStream out;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final Map<String, Integer> labels = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();

    Replay(String broker, String base, ImageSet data, List<StreamItem> schedule, PrintStream out)
            throws Exception {
        this.base = base;
        this.data = data;
        this.schedule = schedule;
        this.out = out;
        client = new MqttClient(broker, "leantta-demo-sensor-" + ProcessHandle.current().pid(), new MemoryPersistence());
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

    void run(long count, long deadlineNanos, int every, int window) throws Exception {
        awaitGateway();
        out.printf("%9s  %-18s %13s %13s %8s %11s%n", "samples", "condition", "source acc %", "adapted acc %",
                "shift", "p50 ms");
        Deque<int[]> recent = new ArrayDeque<>();
        int[] sums = new int[2];
        double shiftSum = 0;
        long[] latencies = new long[every];
        long sent = 0;
        long answered = 0;
        while (answered < count) {
            boolean sending = sent < count && System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted();
            if (!sending && answered == sent) {
                break;
            }
            if (sending && this.window.tryAcquire()) {
                publish(sent++);
                continue;
            }
            Map<String, Object> a = answers.poll(sending ? 5 : 10_000, TimeUnit.MILLISECONDS);
            if (a == null) {
                if (!sending) {
                    out.println("demo: " + (sent - answered) + " samples not answered within 10 s");
                    break;
                }
                continue;
            }
            String topic = (String) a.get("_topic");
            if (topic.endsWith("/errors")) {
                out.println("demo: the gateway rejected a sample: " + a.get("reason"));
            }
            Integer label = a.get("id") == null ? null : labels.remove((String) a.get("id"));
            if (label == null) {
                continue;
            }
            this.window.release();
            if (!topic.contains("/predictions/")) {
                answered++;
                continue;
            }
            int[] hit = {((Double) a.get("sourceClass")).intValue() == label ? 1 : 0,
                    ((Double) a.get("class")).intValue() == label ? 1 : 0};
            recent.addLast(hit);
            sums[0] += hit[0];
            sums[1] += hit[1];
            if (recent.size() > window) {
                int[] old = recent.removeFirst();
                sums[0] -= old[0];
                sums[1] -= old[1];
            }
            shiftSum += (Double) a.get("shift");
            latencies[(int) (answered % every)] = ((Double) a.get("latencyMicros")).longValue();
            answered++;
            if (answered % every == 0) {
                StreamItem item = schedule.get((int) ((answered - 1) % schedule.size()));
                long[] sorted = latencies.clone();
                java.util.Arrays.sort(sorted);
                out.printf("%9d  %-18s %13.1f %13.1f %8.4f %11.2f%n", answered,
                        item.isClean() ? "clean" : item.shiftName() + "@" + item.severity(),
                        100.0 * sums[0] / recent.size(), 100.0 * sums[1] / recent.size(), shiftSum / every,
                        sorted[every / 2] / 1000.0);
                shiftSum = 0;
            }
        }
    }

    private void publish(long i) throws Exception {
        StreamItem item = schedule.get((int) (i % schedule.size()));
        float[] x = item.apply(data.image(item.sampleIndex()), data.channels(), data.height(), data.width(), i);
        String id = "demo-" + i;
        labels.put(id, data.label(item.sampleIndex()));
        List<Float> data = new ArrayList<>(x.length);
        for (float v : x) {
            data.add(v);
        }
        String json = Json.compact(Map.of("id", id, "data", data));
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

package org.leantta.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A sensor that publishes one sample many times under fresh ids and times each prediction from the publish to
 * its arrival: at most a window of samples in flight (throughput), or at a fixed rate (latency).
 */
final class MqttLoad implements AutoCloseable {
    private static final String SENSOR = "bench";
    private final MqttAsyncClient client;
    private final String base;
    private final String data;
    private final ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Semaphore window = new Semaphore(Integer.MAX_VALUE / 2);
    private volatile long[] latencies = new long[0];
    private volatile long[] inference = new long[0];
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();

    /**
     * Result of a phase: samples sent and answered, error reports, the end-to-end latencies (ns, sorted), the
     * gateway's own inference time of each answer (its {@code latencyMicros}, sorted), the phase's duration.
     */
    record Phase(long sent, long answered, long errors, long[] latencyNanos, long[] inferenceMicros,
            double seconds) {
        double rate() {
            return answered / seconds;
        }

        double quantileMillis(double q) {
            return latencyNanos.length == 0 ? Double.NaN
                    : latencyNanos[(int) Math.min(latencyNanos.length - 1, Math.round(q * (latencyNanos.length - 1)))]
                            / 1e6;
        }

        /** Median of the gateway's inference time per sample, in microseconds. */
        double medianInferenceMicros() {
            return inferenceMicros.length == 0 ? Double.NaN : inferenceMicros[inferenceMicros.length / 2];
        }
    }

    MqttLoad(String broker, String device, float[] sample) throws Exception {
        this.base = "leantta/" + device + "/";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < sample.length; i++) {
            sb.append(i == 0 ? "" : ",").append(Math.round(sample[i] * 255));
        }
        this.data = sb.append(']').toString();
        client = new MqttAsyncClient(broker, "leantta-bench-sensor-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(65_000); // publishing never waits for acknowledgements in flight
        o.setSocketFactory(NoDelaySockets.INSTANCE);
        client.setCallback(new Answers());
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(new String[] {base + "predictions/" + SENSOR, base + "errors", base + "replies/+"},
                new int[] {1, 1, 1}).waitForCompletion(10_000);
    }

    /** Sends status requests until one is answered: the gateway's bridge is then subscribed. */
    void awaitGateway(long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long before = replies.get();
        while (replies.get() == before) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the gateway did not answer on " + base + " within " + timeoutMs
                        + " ms");
            }
            client.publish(base + "commands/status", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            Thread.sleep(200);
        }
    }

    /** As many samples as the gateway answers with at most {@code inFlight} outstanding, for a while. */
    Phase saturate(int inFlight, double seconds) throws Exception {
        window = new Semaphore(inFlight);
        return phase(seconds, start -> {
            window.acquire();
            send();
        });
    }

    /** Samples at a fixed rate, open loop, for a while. */
    Phase paced(double perSecond, double seconds) throws Exception {
        window = new Semaphore(Integer.MAX_VALUE / 2);
        long interval = (long) (1e9 / perSecond);
        long[] due = {0};
        return phase(seconds, start -> {
            due[0] = due[0] == 0 ? start : due[0] + interval;
            long wait = due[0] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send();
        });
    }

    private interface Step {
        void run(long start) throws Exception;
    }

    private Phase phase(double seconds, Step step) throws Exception {
        sentAt.clear();
        answered.set(0);
        errors.set(0);
        latencies = new long[1 << 20];
        inference = new long[1 << 20];
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        while (System.nanoTime() < end) {
            step.run(start);
            sent++;
        }
        long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answered.get() + errors.get() < sent && System.nanoTime() < drain) {
            Thread.sleep(10);
        }
        double took = (System.nanoTime() - start) / 1e9;
        long n = Math.min(answered.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, (int) n);
        Arrays.sort(sorted);
        long[] micros = Arrays.copyOf(inference, (int) n);
        Arrays.sort(micros);
        return new Phase(sent, answered.get(), errors.get(), sorted, micros, Math.min(took, seconds + 0.001 * sent));
    }

    private void send() throws Exception {
        long id = next.incrementAndGet();
        byte[] json = ("{\"id\":\"b" + id + "\",\"encoding\":\"uint8\",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
        sentAt.put(id, System.nanoTime());
        client.publish(base + "sensors/" + SENSOR, json, 1, false);
    }

    private final class Answers implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage m) {
            long now = System.nanoTime();
            if (topic.endsWith("/errors")) {
                errors.incrementAndGet();
                window.release();
                return;
            }
            if (!topic.contains("/predictions/")) {
                replies.incrementAndGet(); // a status reply while waiting for the gateway
                return;
            }
            String body = new String(m.getPayload(), StandardCharsets.UTF_8);
            int at = body.indexOf("\"id\":\"b");
            Long sent = at < 0 ? null : sentAt.remove(Long.parseLong(body.substring(at + 7, body.indexOf('"', at + 7))));
            if (sent != null) {
                long k = answered.getAndIncrement();
                if (k < latencies.length) {
                    latencies[(int) k] = now - sent;
                    inference[(int) k] = number(body, "\"latencyMicros\":");
                }
            }
            window.release();
        }

        /** The unsigned integer after {@code key} in a prediction, or -1. */
        private static long number(String body, String key) {
            int at = body.indexOf(key);
            if (at < 0) {
                return -1;
            }
            long v = 0;
            for (int i = at + key.length(); i < body.length() && Character.isDigit(body.charAt(i)); i++) {
                v = v * 10 + (body.charAt(i) - '0');
            }
            return v;
        }

        @Override
        public void connectionLost(Throwable cause) {
            errors.incrementAndGet();
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}

package org.leantta.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code run}'s heartbeat: every interval, one line of what the gateway did since the last one, from the MQTT
 * bridge's answer to a status command (as an operator would ask it): samples per second, the inference queue,
 * the median latency, the mean shift score and the share of samples flagged out of distribution, and the samples
 * refused (rejected or dropped). A bridge that does not answer is said once, not every interval.
 */
final class Heartbeat implements AutoCloseable {
    static final String PREFIX = "gateway: heartbeat: ";
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leantta-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Callable<Map<String, Object>> status;
    private final Consumer<String> console;
    private Counters last;
    private boolean silent;

    private Heartbeat(Callable<Map<String, Object>> status, Consumer<String> console) {
        this.status = status;
        this.console = console;
    }

    static Heartbeat start(Callable<Map<String, Object>> status, Consumer<String> console, Duration every) {
        Heartbeat h = new Heartbeat(status, console);
        long ms = every.toMillis();
        h.timer.scheduleAtFixedRate(h::beat, ms, ms, TimeUnit.MILLISECONDS);
        return h;
    }

    /** The bridge's counters at one moment. */
    record Counters(long nanos, long predicted, long rejected, long dropped, long outOfDistribution, double meanShift,
                    long p50Micros, long queue, long capacity, long inferred) {
        @SuppressWarnings("unchecked")
        static Counters of(Map<String, Object> status, long nanos) {
            Map<String, Object> c = (Map<String, Object>) status.getOrDefault("counters", Map.of());
            Map<String, Object> latency = (Map<String, Object>) status.getOrDefault("latencyMicros", Map.of());
            Map<String, Object> queue = (Map<String, Object>) status.getOrDefault("queue", Map.of());
            return new Counters(nanos, count(c, "predicted"), count(c, "rejected"), count(c, "dropped"),
                    count(c, "outOfDistribution"), ((Number) status.getOrDefault("meanShift", 0.0)).doubleValue(),
                    count(latency, "p50"), count(queue, "size"), count(queue, "capacity"),
                    // the mean shift and the out-of-distribution count are over the samples inferred (a prediction
                    // dropped from the held answers was inferred); a bridge that does not say so: the predicted
                    status.get("inferred") instanceof Number n ? n.longValue() : count(c, "predicted"));
        }

        private static long count(Map<String, Object> m, String key) {
            return m.get(key) instanceof Number n ? n.longValue() : 0;
        }
    }

    void beat() {
        try {
            Map<String, Object> s = status.call();
            if (s == null) {
                if (!silent) {
                    console.accept(PREFIX + "the MQTT bridge does not answer a status command (the lines above say "
                            + "why); the heartbeat resumes when it does");
                }
                silent = true;
                return;
            }
            silent = false;
            Counters now = Counters.of(s, System.nanoTime());
            if (last != null) {
                console.accept(line(last, now));
            }
            last = now;
        } catch (Exception e) {
            console.accept(PREFIX + "cannot ask the bridge for its status: " + e.getMessage());
        }
    }

    /** What happened between two readings, as one line. */
    static String line(Counters before, Counters now) {
        long samples = now.predicted() - before.predicted();
        double seconds = (now.nanos() - before.nanos()) / 1e9;
        String queue = "queue " + now.queue() + "/" + now.capacity();
        String refused = "refused " + (now.rejected() - before.rejected()) + " (rejected) + "
                + (now.dropped() - before.dropped()) + " (dropped)";
        if (samples <= 0) {
            return String.format("%sidle: no samples in the last %.0f s, %s, %s; %d predicted since the start",
                    PREFIX, seconds, queue, refused, now.predicted());
        }
        // the bridge reports the mean since the start: the interval's mean is the difference of the sums
        long inferred = Math.max(1, now.inferred() - before.inferred());
        double shift = (now.meanShift() * now.inferred() - before.meanShift() * before.inferred()) / inferred;
        return String.format("%s%.1f samples/s, %s, p50 %.2f ms, mean shift %.4f, out of distribution %.1f%%, %s; "
                + "%d predicted since the start", PREFIX, samples / seconds, queue, now.p50Micros() / 1000.0, shift,
                100.0 * (now.outOfDistribution() - before.outOfDistribution()) / inferred, refused, now.predicted());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

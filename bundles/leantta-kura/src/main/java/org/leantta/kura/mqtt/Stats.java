package org.leantta.kura.mqtt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pipeline counters, the mean shift score and latency percentiles over the latest predictions. */
public final class Stats {
    private static final int WINDOW = 1024;
    private final long[] latencies = new long[WINDOW];
    private long received;
    private long predicted;
    private long rejected;
    private long dropped;
    private long commands;
    private long publishFailures;
    private double shiftSum;
    private long outOfDistribution;

    synchronized void received() {
        received++;
    }

    synchronized void predicted(float shift, boolean ood, long latencyMicros) {
        latencies[(int) (predicted % WINDOW)] = latencyMicros;
        predicted++;
        shiftSum += shift;
        if (ood) {
            outOfDistribution++;
        }
    }

    synchronized void rejected() {
        rejected++;
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized void command() {
        commands++;
    }

    synchronized void publishFailed() {
        publishFailures++;
    }

    synchronized Map<String, Object> describe() {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("received", received);
        counters.put("predicted", predicted);
        counters.put("rejected", rejected);
        counters.put("dropped", dropped);
        counters.put("commands", commands);
        counters.put("outOfDistribution", outOfDistribution);
        counters.put("publishFailures", publishFailures);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("counters", counters);
        m.put("meanShift", predicted == 0 ? 0.0 : shiftSum / predicted);
        m.put("latencyMicros", percentiles());
        return m;
    }

    private Map<String, Object> percentiles() {
        int n = (int) Math.min(predicted, WINDOW);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", n);
        for (int p : new int[] {50, 90, 99}) {
            m.put("p" + p, n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)]);
        }
        m.put("max", n == 0 ? 0 : sorted[n - 1]);
        return m;
    }
}

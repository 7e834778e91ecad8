package org.leantta.kura.mqtt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pipeline counters, the mean shift score and latency percentiles over the latest inferences. Every input other
 * than a command ends in exactly one of predicted (its prediction was handed to the broker), rejected (an error
 * report says why) or dropped (shed, and reported with counts): {@code received = predicted + rejected + dropped
 * + pending}, where pending are those still queued or held for a broker that is away. Commands are counted apart.
 */
public final class Stats {
    private static final int WINDOW = 1024;
    private final long[] latencies = new long[WINDOW];
    private long received;
    private long inferred;
    private long predicted;
    private long rejected;
    private long dropped;
    private long commands;
    private long refusedCommands;
    private long publishFailures;
    private double shiftSum;
    private long outOfDistribution;

    synchronized void received() {
        received++;
    }

    /** A sample went through the model; its prediction is not yet published. */
    synchronized void inferred(float shift, boolean ood, long latencyMicros) {
        latencies[(int) (inferred % WINDOW)] = latencyMicros;
        inferred++;
        shiftSum += shift;
        if (ood) {
            outOfDistribution++;
        }
    }

    /** A prediction was handed to the broker. */
    synchronized void predicted() {
        predicted++;
    }

    synchronized void rejected() {
        rejected++;
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized long droppedSoFar() {
        return dropped;
    }

    synchronized void command() {
        commands++;
    }

    synchronized void refusedCommand() {
        refusedCommands++;
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
        counters.put("pending", received - predicted - rejected - dropped);
        counters.put("commands", commands);
        counters.put("refusedCommands", refusedCommands);
        counters.put("outOfDistribution", outOfDistribution);
        counters.put("publishFailures", publishFailures);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("counters", counters);
        m.put("inferred", inferred);
        m.put("meanShift", inferred == 0 ? 0.0 : shiftSum / inferred);
        m.put("latencyMicros", percentiles());
        return m;
    }

    private Map<String, Object> percentiles() {
        int n = (int) Math.min(inferred, WINDOW);
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

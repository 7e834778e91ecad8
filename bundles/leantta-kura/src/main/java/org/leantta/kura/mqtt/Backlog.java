package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leantta.core.json.Json;

/**
 * The MQTT front's answers waiting to be handed to the MQTT client, oldest first: store and forward while the
 * broker is away. Bounded in messages and in bytes (payload plus topic); past either cap the oldest are dropped,
 * counted by kind and, through {@link #dropReport()}, reported once. Nothing here survives a restart.
 */
final class Backlog {
    /** What a held message is. */
    enum Kind {
        PREDICTION, ERROR, REPLY, EVENT
    }

    /** One held message and the receipt to complete when it is handed over or dropped. */
    record Message(Kind kind, String topic, byte[] payload, Receipt receipt) {
        long bytes() {
            return payload.length + topic.length();
        }
    }

    private final ArrayDeque<Message> held = new ArrayDeque<>();
    private final Map<Kind, Long> dropped = counters();
    private final Map<Kind, Long> unreported = counters();
    private int maxMessages;
    private long maxBytes;
    private long bytes;

    Backlog(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    private static Map<Kind, Long> counters() {
        Map<Kind, Long> m = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            m.put(k, 0L);
        }
        return m;
    }

    synchronized void setCaps(int messages, long byteCap) {
        this.maxMessages = messages;
        this.maxBytes = byteCap;
        trim();
    }

    /** Holds a message at the end, dropping the oldest held ones past the caps. */
    synchronized void add(Message m) {
        held.addLast(m);
        bytes += m.bytes();
        trim();
        notifyAll();
    }

    /** Puts back a message that could not be handed over yet: it stays the oldest. */
    synchronized void putBack(Message m) {
        held.addFirst(m);
        bytes += m.bytes();
        trim();
    }

    /** Takes the oldest message, waiting up to the timeout for one; null if none came. */
    synchronized Message take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (held.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Message m = held.removeFirst();
        bytes -= m.bytes();
        return m;
    }

    private void trim() {
        while (!held.isEmpty() && (held.size() > maxMessages || bytes > maxBytes)) {
            Message m = held.removeFirst();
            bytes -= m.bytes();
            dropped.merge(m.kind(), 1L, Long::sum);
            unreported.merge(m.kind(), 1L, Long::sum);
            m.receipt().dropped();
        }
    }

    /** An error report of the drops not reported yet, to publish at {@code topic}, or null if there are none. */
    synchronized Message dropReport(String topic) {
        long total = unreported.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", total + " answers were dropped while they could not be published: the backlog holds at most "
                + maxMessages + " messages and " + maxBytes + " bytes (backlog.size, backlog.bytes) and drops the "
                + "oldest");
        m.put("droppedPredictions", unreported.get(Kind.PREDICTION));
        m.put("droppedErrors", unreported.get(Kind.ERROR));
        m.put("droppedReplies", unreported.get(Kind.REPLY));
        m.put("droppedEvents", unreported.get(Kind.EVENT));
        m.put("ts", System.currentTimeMillis());
        Map<Kind, Long> reported = new EnumMap<>(unreported);
        unreported.replaceAll((k, v) -> 0L);
        byte[] payload = Json.compact(m).getBytes(StandardCharsets.UTF_8);
        // a report that is itself dropped leaves its counts to the next one
        return new Message(Kind.ERROR, topic, payload, Receipt.of(() -> { }, () -> unreport(reported)));
    }

    private synchronized void unreport(Map<Kind, Long> counts) {
        counts.forEach((k, v) -> unreported.merge(k, v, Long::sum));
    }

    synchronized int size() {
        return held.size();
    }

    synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("held", held.size());
        m.put("heldBytes", bytes);
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("messages", maxMessages);
        capacity.put("bytes", maxBytes);
        m.put("capacity", capacity);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("predictions", dropped.get(Kind.PREDICTION));
        d.put("errors", dropped.get(Kind.ERROR));
        d.put("replies", dropped.get(Kind.REPLY));
        d.put("events", dropped.get(Kind.EVENT));
        m.put("dropped", d);
        return m;
    }
}

package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The replies to the latest authorized group commands by group and requestId, so that a command delivered again
 * (MQTT's QoS 1 may deliver twice, a bridged broker may forward twice) is answered again but not applied twice.
 * Bounded: the least recently used go first, and none is kept longer than an hour.
 */
final class GroupRequests {
    static final int MAX = 1024;
    static final long KEEP_MS = 3_600_000;

    /** What a group and requestId were used for, and when. */
    record Seen(String command, Map<String, Object> reply, long at) {
        /** The reply given then, marked as a repeat. */
        Map<String, Object> again() {
            Map<String, Object> m = new LinkedHashMap<>(reply);
            m.put("duplicate", true);
            return m;
        }
    }

    private final LongSupplier clock;
    private final Map<String, Seen> replies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > MAX;
        }
    };

    GroupRequests(LongSupplier clock) {
        this.clock = clock;
    }

    private static String key(Item.Command c) {
        return c.group() + "\n" + c.requestId();
    }

    /** What this group's requestId was used for within the last hour, or null. */
    synchronized Seen seen(Item.Command c) {
        Seen s = replies.get(key(c));
        if (s != null && clock.getAsLong() - s.at() > KEEP_MS) {
            replies.remove(key(c));
            return null;
        }
        return s;
    }

    synchronized void remember(Item.Command c, Map<String, Object> reply) {
        replies.put(key(c), new Seen(c.command(), new LinkedHashMap<>(reply), clock.getAsLong()));
    }
}

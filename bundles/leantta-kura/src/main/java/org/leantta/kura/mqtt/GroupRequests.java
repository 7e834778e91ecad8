package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replies to the latest group commands by group and requestId, so that a command delivered again (MQTT's QoS 1
 * may deliver twice, a bridged broker may forward twice) is answered again but not applied twice. Bounded: the
 * least recently used go first.
 */
final class GroupRequests {
    static final int MAX = 1024;
    private final Map<String, Map<String, Object>> replies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > MAX;
        }
    };

    private static String key(Item.Command c) {
        return c.group() + "\n" + c.requestId();
    }

    /** The reply given to this group command before, marked as a repeat, or null. */
    synchronized Map<String, Object> repeat(Item.Command c) {
        Map<String, Object> before = replies.get(key(c));
        if (before == null) {
            return null;
        }
        Map<String, Object> again = new LinkedHashMap<>(before);
        again.put("duplicate", true);
        return again;
    }

    synchronized void remember(Item.Command c, Map<String, Object> reply) {
        replies.put(key(c), new LinkedHashMap<>(reply));
    }
}

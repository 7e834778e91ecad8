package org.leantta.kura.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leantta.core.hybrid.HybridSettings;
import org.leantta.onnx.HybridAdapter;
import org.leantta.onnx.LeanTtaSession;

/** The hybrid's per-stream states, at most {@code max} (least recently used first out), made on first use. */
final class Streams {
    private final int max;
    private final LinkedHashMap<String, HybridAdapter> states;
    private String lastClear = "none yet";
    private long clearedAt;

    Streams(int max) {
        this.max = max;
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HybridAdapter> eldest) {
                return size() > Streams.this.max;
            }
        };
    }

    /**
     * The stream's state on {@code session}; a state made on an earlier session of the same model (before a
     * change of tau or lambda) moves to this one with what it learned.
     */
    synchronized HybridAdapter of(String stream, LeanTtaSession session, HybridSettings settings) {
        HybridAdapter a = states.computeIfAbsent(stream, k -> new HybridAdapter(session, settings));
        if (a.session() != session) {
            a = a.on(session);
            states.put(stream, a);
        }
        return a;
    }

    /** Forgets every state: the next sample of each stream starts at the source statistics. */
    synchronized void clear(String cause) {
        states.clear();
        lastClear = cause;
        clearedAt = System.currentTimeMillis();
    }

    synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streams", states.size());
        m.put("lastReset", lastClear);
        m.put("lastResetAt", clearedAt);
        List<Object> each = new ArrayList<>();
        for (Map.Entry<String, HybridAdapter> e : states.entrySet()) {
            if (each.size() == 16) {
                break;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("stream", e.getKey());
            one.putAll(e.getValue().describe());
            each.add(one);
        }
        m.put("streamStates", each);
        return m;
    }
}

package org.leantta.onnx;

import ai.onnxruntime.OnnxTensor;
import java.util.Map;
import java.util.Set;

/**
 * The tensors that feed one {@link Adaptation} to a compiled session, made once and reused across runs.
 *
 * <p>Close it when the adaptation is no longer used; tensors it shares with its session stay open.
 */
public final class Knobs implements AutoCloseable {
    private final Adaptation adaptation;
    private final Map<String, OnnxTensor> tensors;
    private final Set<String> owned;

    Knobs(Adaptation adaptation, Map<String, OnnxTensor> tensors, Set<String> owned) {
        this.adaptation = adaptation;
        this.tensors = Map.copyOf(tensors);
        this.owned = Set.copyOf(owned);
    }

    public Adaptation adaptation() {
        return adaptation;
    }

    Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    @Override
    public void close() {
        for (String name : owned) {
            tensors.get(name).close();
        }
    }
}

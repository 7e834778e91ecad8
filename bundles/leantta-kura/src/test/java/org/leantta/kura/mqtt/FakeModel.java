package org.leantta.kura.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.leantta.api.AdaptationControl;
import org.leantta.api.Encoding;
import org.leantta.api.ModelInfo;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;

/**
 * A four-value, three-class stand-in for the model service. By default it predicts class {@code (int) values[0]}
 * and refuses samples of the wrong size like the real one; it can hold the worker inside {@code predict}.
 */
public final class FakeModel implements Predictor, AdaptationControl {
    static final ModelInfo INFO = new ModelInfo("fake.onnx", "ab".repeat(32), new long[] {1, 2, 2},
            List.of("cat", "dog", "bird"), List.of("bn1"));

    volatile Function<float[], Prediction> answer = FakeModel::byFirstValue;
    final List<String> calls = new ArrayList<>();
    volatile boolean rollbackAvailable;
    public volatile RuntimeException failure;
    /** When set, status() says the model is not serving, for this reason. */
    public volatile String notReady;
    private final Gate gate = new Gate();

    static Prediction byFirstValue(float[] x) {
        if (x.length != 4) {
            throw new IllegalArgumentException("sample has " + x.length + " values, the model expects 4");
        }
        int k = (int) x[0];
        return new Prediction(k, INFO.labels().get(k), 0.75f, 0.125f, true, false, 250, -1, Float.NaN);
    }

    /** From now on, predict waits inside until {@link #release()}. */
    void holdPredictions() {
        gate.hold();
    }

    boolean awaitHeld() throws InterruptedException {
        return gate.awaitHeld();
    }

    public void release() {
        gate.release();
    }

    @Override
    public ModelInfo model() {
        return INFO;
    }

    @Override
    public Prediction predict(String stream, float[] values, Encoding encoding) {
        if (!gate.pass("prediction")) {
            throw new IllegalStateException("interrupted");
        }
        return answer.apply(values);
    }

    @Override
    public synchronized void reset() {
        fail();
        calls.add("reset");
    }

    @Override
    public synchronized void setEnabled(boolean enabled) {
        fail();
        calls.add("setEnabled(" + enabled + ")");
    }

    @Override
    public synchronized boolean rollback() {
        fail();
        calls.add("rollback");
        return rollbackAvailable;
    }

    @Override
    public Map<String, Object> status() {
        fail();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", "fake.model");
        m.put("adaptation", Map.of("enabled", true));
        if (notReady != null) {
            m.put("ready", false);
            m.put("reason", notReady);
        }
        return m;
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }
}

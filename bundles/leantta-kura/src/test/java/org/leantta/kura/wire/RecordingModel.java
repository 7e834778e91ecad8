package org.leantta.kura.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leantta.api.Encoding;
import org.leantta.api.ModelInfo;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;

/** A four-value, three-class stand-in model that predicts class (int) values[0] and records each call. */
final class RecordingModel implements Predictor {
    static final ModelInfo INFO = new ModelInfo("fake.onnx", "ab".repeat(32), new long[] {1, 2, 2},
            List.of("cat", "dog", "bird"), List.of("bn1"));

    volatile RuntimeException failure;
    private final List<String> calls = new ArrayList<>();

    @Override
    public ModelInfo model() {
        return INFO;
    }

    @Override
    public synchronized Prediction predict(String stream, float[] values, Encoding encoding) {
        calls.add("predict " + stream + " " + encoding + " " + Arrays.toString(values));
        if (failure != null) {
            throw failure;
        }
        if (values.length != 4) {
            throw new IllegalArgumentException("sample has " + values.length + " values, the model expects 4");
        }
        int k = (int) values[0];
        return new Prediction(k, INFO.labels().get(k), 0.75f, 0.125f, true, false, 250, -1, Float.NaN);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}

package org.leantta.tooling.quant;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.Set;
import org.leantta.core.graph.Onnx;
import org.leantta.onnx.LeanTtaSession;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.ImageSet;

/**
 * Activation ranges of a float model on calibration images: plain min/max, or a percentile of a histogram
 * (robust to a few extreme values).
 */
public final class Calibration {
    private static final int BINS = 2048;
    private static final int BATCH = 50;

    /** How ranges are taken from the observed values. */
    public enum Method {
        MINMAX, PERCENTILE;

        public static Method parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown calibration method '" + s + "'; expected minmax or percentile");
            }
        }
    }

    private Calibration() {
    }

    /**
     * Runs the model on the images and returns the range of each named tensor.
     *
     * @param percentile for PERCENTILE, the share kept, e.g. 99.99 cuts 0.005% from each tail
     */
    public static Map<String, Range> ranges(ModelProto model, List<String> tensors, ImageSet images, Method method,
                                            double percentile) throws OrtException {
        return ranges(model, tensors, images, method, percentile, n -> { });
    }

    /** Passes over the images {@link #ranges} makes: one for min/max, two for percentiles. */
    public static int passes(Method method) {
        return method == Method.MINMAX ? 1 : 2;
    }

    /**
     * As {@link #ranges(ModelProto, List, ImageSet, Method, double)}, telling {@code done} how many images each
     * batch ran ({@link #passes} times the image count in all).
     */
    public static Map<String, Range> ranges(ModelProto model, List<String> tensors, ImageSet images, Method method,
                                            double percentile, IntConsumer done) throws OrtException {
        if (images.count() == 0) {
            throw new IllegalArgumentException("no calibration images");
        }
        ModelProto probed = withOutputs(model, tensors);
        Map<String, float[]> minMax = new LinkedHashMap<>();
        try (LeanTtaSession s = LeanTtaSession.plain(probed.toByteArray(), SessionSettings.threads(0))) {
            forEachBatch(s, images, tensors, done, (name, v) -> {
                float[] mm = minMax.computeIfAbsent(name, k -> new float[] {Float.MAX_VALUE, -Float.MAX_VALUE});
                for (float x : v) {
                    mm[0] = Math.min(mm[0], x);
                    mm[1] = Math.max(mm[1], x);
                }
            });
            if (method == Method.MINMAX) {
                Map<String, Range> out = new HashMap<>();
                minMax.forEach((k, mm) -> out.put(k, new Range(mm[0], mm[1])));
                return out;
            }
            Map<String, long[]> hist = new HashMap<>();
            forEachBatch(s, images, tensors, done, (name, v) -> {
                float[] mm = minMax.get(name);
                long[] h = hist.computeIfAbsent(name, k -> new long[BINS]);
                float width = (mm[1] - mm[0]) / BINS;
                for (float x : v) {
                    h[width > 0 ? Math.min(BINS - 1, (int) ((x - mm[0]) / width)) : 0]++;
                }
            });
            Map<String, Range> out = new HashMap<>();
            minMax.forEach((k, mm) -> out.put(k, percentileRange(hist.get(k), mm[0], mm[1], percentile)));
            return out;
        }
    }

    private interface Sink {
        void accept(String tensor, float[] values);
    }

    private static void forEachBatch(LeanTtaSession s, ImageSet images, List<String> tensors, IntConsumer done,
            Sink sink) throws OrtException {
        int size = images.imageSize();
        for (int i = 0; i < images.count(); i += BATCH) {
            int n = Math.min(BATCH, images.count() - i);
            float[] x = new float[n * size];
            for (int k = 0; k < n; k++) {
                images.pixels(i + k, x, k * size);
            }
            List<float[]> values = s.runTensors(x, n, null, tensors);
            for (int t = 0; t < tensors.size(); t++) {
                sink.accept(tensors.get(t), values.get(t));
            }
            done.accept(n);
        }
    }

    static Range percentileRange(long[] h, float min, float max, double percentile) {
        long total = 0;
        for (long c : h) {
            total += c;
        }
        double cut = total * (100 - percentile) / 200;
        float width = (max - min) / h.length;
        int lo = 0;
        for (long acc = h[0]; acc <= cut && lo < h.length - 1; acc += h[++lo]) {
            // advance past the lower tail
        }
        int hi = h.length - 1;
        for (long acc = h[hi]; acc <= cut && hi > 0; acc += h[--hi]) {
            // advance past the upper tail
        }
        float a = min + lo * width;
        float b = min + (hi + 1) * width;
        return new Range(Math.max(min, Math.min(a, b)), Math.min(max, Math.max(a, b)));
    }

    /** The model with the named tensors added as float outputs. */
    static ModelProto withOutputs(ModelProto model, List<String> tensors) {
        GraphProto.Builder g = model.getGraph().toBuilder();
        Set<String> have = new HashSet<>();
        g.getOutputList().forEach(o -> have.add(o.getName()));
        for (String t : tensors) {
            if (have.add(t)) {
                g.addOutput(Onnx.floatOutput(t));
            }
        }
        return model.toBuilder().setGraph(g).build();
    }
}

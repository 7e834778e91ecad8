package org.leantta.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.GraphNames;

/**
 * An ONNX Runtime session over a plain or a LeanTTA-compiled model, fed from direct buffers.
 *
 * <p>Thread-safe: ONNX Runtime sessions may be run concurrently. Close it to free the native session;
 * use after close fails loudly.
 */
public final class LeanTtaSession implements AutoCloseable {
    private final OrtSession session;
    private final List<AdaptedLayer> layers;
    private final String inputName;
    private final long[] sampleShape;
    private final int sampleSize;
    private final String logitsName;
    private final Set<String> outputNames;
    private volatile boolean closed;

    private LeanTtaSession(byte[] model, List<AdaptedLayer> layers, SessionSettings settings) throws OrtException {
        OrtEnvironment env = Runtime.environment();
        try (OrtSession.SessionOptions options = settings.toOptions()) {
            this.session = env.createSession(model, options);
        }
        this.layers = layers;
        Map.Entry<String, long[]> input = dataInput(session);
        this.inputName = input.getKey();
        this.sampleShape = Arrays.copyOfRange(input.getValue(), 1, input.getValue().length);
        this.sampleSize = (int) Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        this.logitsName = session.getOutputNames().iterator().next();
        Set<String> outs = new LinkedHashSet<>();
        outs.add(logitsName);
        for (AdaptedLayer l : layers) {
            outs.add(GraphNames.divergence(l.index()));
            outs.add(GraphNames.sampleMean(l.index()));
            outs.add(GraphNames.sampleVar(l.index()));
        }
        this.outputNames = outs;
    }

    /** A session over an unmodified model (the source model, no adaptation). */
    public static LeanTtaSession plain(byte[] model, SessionSettings settings) throws OrtException {
        return new LeanTtaSession(model, List.of(), settings);
    }

    /** A session over a compiled LeanTTA model. */
    public static LeanTtaSession adapted(CompiledModel model, SessionSettings settings) throws OrtException {
        return new LeanTtaSession(model.toByteArray(), model.layers(), settings);
    }

    private static Map.Entry<String, long[]> dataInput(OrtSession session) throws OrtException {
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            if (!e.getKey().startsWith("leantta.") && e.getValue().getInfo() instanceof TensorInfo t) {
                long[] shape = t.getShape();
                for (int i = 1; i < shape.length; i++) {
                    if (shape[i] <= 0) {
                        throw new IllegalArgumentException("model input '" + e.getKey() + "' has a dynamic "
                                + "dimension other than the batch: " + Arrays.toString(shape));
                    }
                }
                return Map.entry(e.getKey(), shape);
            }
        }
        throw new IllegalArgumentException("the model has no tensor input");
    }

    /** Runs a plain session, or a compiled one with its default knobs. */
    public Output run(float[] input, int batch) throws OrtException {
        return run(input, batch, null);
    }

    /**
     * Runs {@code batch} samples laid out contiguously in {@code input}.
     *
     * @param adaptation the knobs, or null for the compiled defaults (ignored by a plain session)
     */
    public Output run(float[] input, int batch, Adaptation adaptation) throws OrtException {
        Map<String, OnnxTensor> feed = feed(input, batch, adaptation);
        try (OrtSession.Result result = session.run(feed, outputNames)) {
            return read(result);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private Map<String, OnnxTensor> feed(float[] input, int batch, Adaptation adaptation) throws OrtException {
        ensureOpen();
        if (batch <= 0 || input.length != (long) batch * sampleSize) {
            throw new IllegalArgumentException("expected " + batch + " x " + sampleSize + " = "
                    + (long) batch * sampleSize + " input values " + Arrays.toString(sampleShape)
                    + ", got " + input.length);
        }
        OrtEnvironment env = Runtime.environment();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            long[] shape = new long[sampleShape.length + 1];
            shape[0] = batch;
            System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
            feed.put(inputName, OnnxTensor.createTensor(env, direct(input), shape));
            if (!layers.isEmpty() && adaptation != null) {
                feedKnobs(env, feed, adaptation);
            }
            return feed;
        } catch (OrtException | RuntimeException e) {
            feed.values().forEach(OnnxTensor::close);
            throw e;
        }
    }

    private void feedKnobs(OrtEnvironment env, Map<String, OnnxTensor> feed, Adaptation a) throws OrtException {
        feed.put(GraphNames.TAU, OnnxTensor.createTensor(env, direct(new float[] {a.tau()}), new long[] {1}));
        feed.put(GraphNames.LAMBDA, OnnxTensor.createTensor(env, direct(new float[] {a.lambda()}), new long[] {1}));
        if (a.mask() != null) {
            if (a.mask().length != layers.size()) {
                throw new IllegalArgumentException("mask has " + a.mask().length + " entries, the model has "
                        + layers.size() + " adapted layers");
            }
            feed.put(GraphNames.MASK, OnnxTensor.createTensor(env, direct(a.mask()), new long[] {layers.size()}));
        }
        for (AdaptedLayer l : layers) {
            feedAnchor(env, feed, GraphNames.anchorMean(l.index()), l, a.anchorMean());
            feedAnchor(env, feed, GraphNames.anchorVar(l.index()), l, a.anchorVar());
        }
    }

    private static void feedAnchor(OrtEnvironment env, Map<String, OnnxTensor> feed, String name, AdaptedLayer l,
                                   float[][] anchors) throws OrtException {
        if (anchors == null || anchors[l.index()] == null) {
            return;
        }
        float[] v = anchors[l.index()];
        if (v.length != l.channels()) {
            throw new IllegalArgumentException(name + " needs " + l.channels() + " values, got " + v.length);
        }
        feed.put(name, OnnxTensor.createTensor(env, direct(v), l.anchorShape()));
    }

    private Output read(OrtSession.Result result) throws OrtException {
        OnnxTensor logits = (OnnxTensor) result.get(logitsName).orElseThrow();
        long[] shape = logits.getInfo().getShape();
        float[] scores = floats(logits);
        int n = layers.size();
        float[][] d = new float[n][];
        float[][] mean = new float[n][];
        float[][] var = new float[n][];
        for (AdaptedLayer l : layers) {
            d[l.index()] = floats((OnnxTensor) result.get(GraphNames.divergence(l.index())).orElseThrow());
            mean[l.index()] = floats((OnnxTensor) result.get(GraphNames.sampleMean(l.index())).orElseThrow());
            var[l.index()] = floats((OnnxTensor) result.get(GraphNames.sampleVar(l.index())).orElseThrow());
        }
        return new Output(scores, (int) shape[shape.length - 1], d, mean, var);
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    static FloatBuffer direct(float[] values) {
        FloatBuffer b = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        b.put(values).rewind();
        return b;
    }

    /** Runs and returns the named graph outputs (any tensor the graph outputs, e.g. exposed layer I/O). */
    public List<float[]> runTensors(float[] input, int batch, Adaptation adaptation, List<String> names)
            throws OrtException {
        Map<String, OnnxTensor> feed = feed(input, batch, adaptation);
        try (OrtSession.Result result = session.run(feed, new LinkedHashSet<>(names))) {
            List<float[]> out = new ArrayList<>();
            for (String name : names) {
                out.add(floats((OnnxTensor) result.get(name).orElseThrow()));
            }
            return out;
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    public List<AdaptedLayer> layers() {
        return layers;
    }

    /** Shape of one sample, without the batch axis. */
    public long[] sampleShape() {
        return sampleShape.clone();
    }

    /** Number of values of one sample. */
    public int sampleSize() {
        return sampleSize;
    }

    public String inputName() {
        return inputName;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this LeanTTA session is closed");
        }
    }

    @Override
    public void close() throws OrtException {
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}

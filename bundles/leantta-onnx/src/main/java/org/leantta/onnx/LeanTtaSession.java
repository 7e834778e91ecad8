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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.GraphNames;
import org.leantta.core.graph.LeanTtaCompiler;

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
    private final Set<String> statisticsNames;
    private final Map<String, OnnxTensor> sourceAnchors = new HashMap<>();
    private final Knobs defaults;
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
        Set<String> stats = new LinkedHashSet<>();
        for (AdaptedLayer l : layers) {
            outs.add(GraphNames.divergence(l.index()));
            stats.add(GraphNames.sampleMean(l.index()));
            stats.add(GraphNames.sampleVar(l.index()));
            sourceAnchors.put(GraphNames.anchorMean(l.index()), tensor(l.stats().mean(), l.anchorShape()));
            sourceAnchors.put(GraphNames.anchorVar(l.index()), tensor(l.stats().var(), l.anchorShape()));
        }
        this.outputNames = outs;
        stats.addAll(outs);
        this.statisticsNames = stats;
        this.defaults = knobs(Adaptation.of(LeanTtaCompiler.DEFAULT_TAU, LeanTtaCompiler.DEFAULT_LAMBDA));
    }

    /** A session over an unmodified model (the source model, no adaptation). */
    public static LeanTtaSession plain(byte[] model, SessionSettings settings) throws OrtException {
        return new LeanTtaSession(model, List.of(), settings);
    }

    /** A session over a compiled LeanTTA model. */
    public static LeanTtaSession adapted(CompiledModel model, SessionSettings settings) throws OrtException {
        return new LeanTtaSession(model.toRequiredInputsByteArray(), model.layers(), settings);
    }

    private static Map.Entry<String, long[]> dataInput(OrtSession session) throws OrtException {
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            if (!CompiledModel.isKnob(e.getKey()) && e.getValue().getInfo() instanceof TensorInfo t) {
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

    /**
     * Makes the tensors that feed an adaptation; reuse them for many runs and close them after.
     * Null anchors (or null entries) mean the source statistics.
     */
    public Knobs knobs(Adaptation a) throws OrtException {
        ensureOpen();
        Map<String, OnnxTensor> t = new HashMap<>();
        Set<String> owned = new HashSet<>();
        if (layers.isEmpty()) {
            return new Knobs(a, t, owned);
        }
        try {
            own(t, owned, GraphNames.TAU, tensor(new float[] {a.tau()}, 1));
            own(t, owned, GraphNames.LAMBDA, tensor(new float[] {a.lambda()}, 1));
            float[] mask = a.mask();
            if (mask == null) {
                mask = new float[layers.size()];
                Arrays.fill(mask, 1f);
            } else if (mask.length != layers.size()) {
                throw new IllegalArgumentException("mask has " + mask.length + " entries, the model has "
                        + layers.size() + " adapted layers");
            }
            own(t, owned, GraphNames.MASK, tensor(mask, layers.size()));
            for (AdaptedLayer l : layers) {
                anchor(t, owned, GraphNames.anchorMean(l.index()), l, a.anchorMean());
                anchor(t, owned, GraphNames.anchorVar(l.index()), l, a.anchorVar());
            }
            return new Knobs(a, t, owned);
        } catch (OrtException | RuntimeException e) {
            owned.forEach(name -> t.get(name).close());
            throw e;
        }
    }

    /**
     * The knobs of {@code base} with other anchors: only the anchor tensors are made (and closed with the result);
     * tau, lambda and mask are shared with {@code base}, which must stay open while the result is used.
     */
    public Knobs withAnchors(Knobs base, float[][] anchorMean, float[][] anchorVar) throws OrtException {
        ensureOpen();
        Map<String, OnnxTensor> t = new HashMap<>(base.tensors());
        Set<String> owned = new HashSet<>();
        try {
            for (AdaptedLayer l : layers) {
                anchor(t, owned, GraphNames.anchorMean(l.index()), l, anchorMean);
                anchor(t, owned, GraphNames.anchorVar(l.index()), l, anchorVar);
            }
            return new Knobs(base.adaptation().withAnchors(anchorMean, anchorVar), t, owned);
        } catch (OrtException | RuntimeException e) {
            owned.forEach(name -> t.get(name).close());
            throw e;
        }
    }

    private static void own(Map<String, OnnxTensor> t, Set<String> owned, String name, OnnxTensor tensor) {
        t.put(name, tensor);
        owned.add(name);
    }

    private void anchor(Map<String, OnnxTensor> t, Set<String> owned, String name, AdaptedLayer l,
                        float[][] anchors) throws OrtException {
        if (anchors == null || anchors[l.index()] == null) {
            t.put(name, sourceAnchors.get(name));
            return;
        }
        float[] v = anchors[l.index()];
        if (v.length != l.channels()) {
            throw new IllegalArgumentException(name + " needs " + l.channels() + " values, got " + v.length);
        }
        own(t, owned, name, tensor(v, l.anchorShape()));
    }

    /** Runs a plain session, or a compiled one with the default knobs (tau 0.9, lambda 0.9, all layers). */
    public Output run(float[] input, int batch) throws OrtException {
        return run(input, batch, defaults);
    }

    /** Runs with an adaptation whose tensors are made for this run only. */
    public Output run(float[] input, int batch, Adaptation adaptation) throws OrtException {
        try (Knobs k = knobs(adaptation)) {
            return run(input, batch, k);
        }
    }

    /** Runs {@code batch} samples laid out contiguously in {@code input}; fetches logits and divergences. */
    public Output run(float[] input, int batch, Knobs knobs) throws OrtException {
        return run(input, batch, knobs, false);
    }

    /**
     * Runs {@code batch} samples laid out contiguously in {@code input}.
     *
     * @param statistics also fetch the per-layer sample statistics (costs a copy per layer and run)
     */
    public Output run(float[] input, int batch, Knobs knobs, boolean statistics) throws OrtException {
        try (OnnxTensor x = input(input, batch);
             OrtSession.Result result = session.run(feed(x, knobs), statistics ? statisticsNames : outputNames)) {
            return read(result, statistics);
        }
    }

    /** Runs and returns the named graph outputs (any tensor the graph outputs, e.g. exposed layer I/O). */
    public List<float[]> runTensors(float[] input, int batch, Adaptation adaptation, List<String> names)
            throws OrtException {
        try (Knobs k = knobs(adaptation);
             OnnxTensor x = input(input, batch);
             OrtSession.Result result = session.run(feed(x, k), new LinkedHashSet<>(names))) {
            List<float[]> out = new ArrayList<>();
            for (String name : names) {
                out.add(floats((OnnxTensor) result.get(name).orElseThrow()));
            }
            return out;
        }
    }

    private Map<String, OnnxTensor> feed(OnnxTensor x, Knobs knobs) {
        Map<String, OnnxTensor> feed = new HashMap<>(knobs.tensors());
        feed.put(inputName, x);
        return feed;
    }

    private OnnxTensor input(float[] input, int batch) throws OrtException {
        ensureOpen();
        if (batch <= 0 || input.length != (long) batch * sampleSize) {
            throw new IllegalArgumentException("expected " + batch + " x " + sampleSize + " = "
                    + (long) batch * sampleSize + " input values " + Arrays.toString(sampleShape)
                    + ", got " + input.length);
        }
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return tensor(input, shape);
    }

    private Output read(OrtSession.Result result, boolean statistics) throws OrtException {
        OnnxTensor logits = (OnnxTensor) result.get(logitsName).orElseThrow();
        long[] shape = logits.getInfo().getShape();
        int n = layers.size();
        float[][] d = new float[n][];
        float[][] mean = statistics ? new float[n][] : null;
        float[][] var = statistics ? new float[n][] : null;
        for (AdaptedLayer l : layers) {
            d[l.index()] = floats((OnnxTensor) result.get(GraphNames.divergence(l.index())).orElseThrow());
            if (!statistics) {
                continue;
            }
            mean[l.index()] = floats((OnnxTensor) result.get(GraphNames.sampleMean(l.index())).orElseThrow());
            var[l.index()] = floats((OnnxTensor) result.get(GraphNames.sampleVar(l.index())).orElseThrow());
        }
        return new Output(floats(logits), (int) shape[shape.length - 1], d, mean, var);
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    private static OnnxTensor tensor(float[] values, long... shape) throws OrtException {
        FloatBuffer b = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        b.put(values).rewind();
        return OnnxTensor.createTensor(Runtime.environment(), b, shape);
    }

    /** Ends ONNX Runtime profiling (see {@link SessionSettings#profilePrefix()}) and returns the profile file. */
    public String endProfiling() throws OrtException {
        ensureOpen();
        return session.endProfiling();
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
            defaults.close();
            sourceAnchors.values().forEach(OnnxTensor::close);
            session.close();
        }
    }
}

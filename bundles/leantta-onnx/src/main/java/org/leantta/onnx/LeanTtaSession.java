package org.leantta.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
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
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Packing;

/**
 * An ONNX Runtime session over a plain or a LeanTTA-compiled model, fed from direct buffers.
 *
 * <p>A compiled model runs in one of three forms ({@link CompiledModel}): {@link #adapted} feeds every knob on
 * every run; {@link #frozen} has them compiled in, which is the fastest (ONNX Runtime folds the terms of the
 * knobs alone at load) and is opened again for other knobs; {@link #anchored} has tau, lambda and mask compiled
 * in and takes the anchor statistics per run (the hybrid).
 *
 * <p>Thread-safe: ONNX Runtime sessions may be run concurrently. Close it to free the native session;
 * use after close fails loudly.
 */
public final class LeanTtaSession implements AutoCloseable {
    private final OrtSession session;
    private final List<AdaptedLayer> layers;
    private final boolean sharedDivergence;
    /** The knobs compiled into the graph (anchors excepted for an anchored session), or null if all are fed. */
    private final Adaptation compiledIn;
    private final String inputName;
    private final long[] sampleShape;
    private final int sampleSize;
    private final String logitsName;
    private final Set<String> outputNames = new LinkedHashSet<>();
    private final Set<String> statisticsNames = new LinkedHashSet<>();
    private final OnnxTensor sourceAnchors;
    private final Knobs defaults;
    private volatile boolean closed;

    private LeanTtaSession(byte[] model, CompiledModel compiled, Adaptation compiledIn, SessionSettings settings)
            throws OrtException {
        try (OrtSession.SessionOptions options = settings.toOptions()) {
            this.session = Runtime.environment().createSession(model, options);
        }
        this.layers = compiled == null ? List.of() : compiled.layers();
        this.sharedDivergence = compiled != null && compiled.sharedDivergence();
        this.compiledIn = compiledIn;
        Map.Entry<String, long[]> input = dataInput(session);
        this.inputName = input.getKey();
        this.sampleShape = Arrays.copyOfRange(input.getValue(), 1, input.getValue().length);
        this.sampleSize = (int) Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        this.logitsName = session.getOutputNames().iterator().next();
        outputNames.add(logitsName);
        if (!layers.isEmpty()) {
            outputNames.add(GraphNames.DIVERGENCES);
        }
        statisticsNames.addAll(outputNames);
        if (session.getOutputNames().contains(GraphNames.STATISTICS)) {
            statisticsNames.add(GraphNames.STATISTICS);
        }
        this.sourceAnchors = takes(GraphNames.ANCHORS) ? tensor(Packing.sourceStatistics(layers),
                Packing.size(layers)) : null;
        this.defaults = knobs(compiledIn != null ? compiledIn
                : Adaptation.of(LeanTtaCompiler.DEFAULT_TAU, LeanTtaCompiler.DEFAULT_LAMBDA));
    }

    /** A session over an unmodified model (the source model, no adaptation). */
    public static LeanTtaSession plain(byte[] model, SessionSettings settings) throws OrtException {
        return new LeanTtaSession(model, null, null, settings);
    }

    /** A session over a compiled LeanTTA model whose knobs are fed on every run. */
    public static LeanTtaSession adapted(CompiledModel model, SessionSettings settings) throws OrtException {
        return new LeanTtaSession(model.toRequiredInputsByteArray(), model, null, settings);
    }

    /** A session with the knobs {@code a} compiled in; its runs take no other knobs and return no statistics. */
    public static LeanTtaSession frozen(CompiledModel model, Adaptation a, SessionSettings settings)
            throws OrtException {
        byte[] bytes = model.frozen(a.tau(), a.lambda(), a.mask(), Packing.pack(model.layers(), a.anchorMean(),
                a.anchorVar()));
        return new LeanTtaSession(bytes, model, a, settings);
    }

    /** A session with tau, lambda and mask of {@code a} compiled in, taking the anchors per run (the hybrid's). */
    public static LeanTtaSession anchored(CompiledModel model, Adaptation a, SessionSettings settings)
            throws OrtException {
        return new LeanTtaSession(model.anchored(a.tau(), a.lambda(), a.mask()), model, a.withAnchors(null, null),
                settings);
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

    private boolean takes(String input) throws OrtException {
        return session.getInputNames().contains(input);
    }

    /**
     * Makes the tensors that feed an adaptation; reuse them for many runs and close them after.
     * Null anchors (or null entries) mean the source statistics. A session with knobs compiled in accepts
     * only those (and, if it takes anchors, any anchors).
     */
    public Knobs knobs(Adaptation a) throws OrtException {
        ensureOpen();
        Map<String, OnnxTensor> t = new HashMap<>();
        if (layers.isEmpty()) {
            return new Knobs(a, t, Set.of());
        }
        Set<String> owned = new java.util.HashSet<>();
        try {
            if (compiledIn == null) {
                own(t, owned, GraphNames.TAU, tensor(new float[] {a.tau()}, 1));
                own(t, owned, GraphNames.LAMBDA, tensor(new float[] {a.lambda()}, 1));
                own(t, owned, GraphNames.MASK, tensor(mask(a.mask()), layers.size()));
            } else {
                checkCompiledIn(a);
            }
            if (sourceAnchors != null) {
                anchors(t, owned, a.anchorMean(), a.anchorVar());
            }
            return new Knobs(a, t, owned);
        } catch (OrtException | RuntimeException e) {
            owned.forEach(name -> t.get(name).close());
            throw e;
        }
    }

    /**
     * The knobs of {@code base} with other anchors: only the anchor tensor is made (and closed with the result);
     * the rest is shared with {@code base}, which must stay open while the result is used.
     */
    public Knobs withAnchors(Knobs base, float[][] anchorMean, float[][] anchorVar) throws OrtException {
        ensureOpen();
        if (sourceAnchors == null) {
            throw new IllegalStateException("this session has its anchors compiled in; open an adapted or an "
                    + "anchored session to feed others");
        }
        Map<String, OnnxTensor> t = new HashMap<>(base.tensors());
        Set<String> owned = new java.util.HashSet<>();
        anchors(t, owned, anchorMean, anchorVar);
        return new Knobs(base.adaptation().withAnchors(anchorMean, anchorVar), t, owned);
    }

    private void anchors(Map<String, OnnxTensor> t, Set<String> owned, float[][] mean, float[][] var)
            throws OrtException {
        if (mean == null && var == null) {
            t.put(GraphNames.ANCHORS, sourceAnchors);
            return;
        }
        float[] packed = Packing.pack(layers, mean, var);
        own(t, owned, GraphNames.ANCHORS, tensor(packed, packed.length));
    }

    private float[] mask(float[] mask) {
        if (mask == null) {
            float[] ones = new float[layers.size()];
            Arrays.fill(ones, 1f);
            return ones;
        }
        if (mask.length != layers.size()) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries, the model has "
                    + layers.size() + " adapted layers");
        }
        return mask;
    }

    private void checkCompiledIn(Adaptation a) {
        boolean anchorsToo = sourceAnchors == null;
        boolean same = a.tau() == compiledIn.tau() && a.lambda() == compiledIn.lambda()
                && Arrays.equals(mask(a.mask()), mask(compiledIn.mask()))
                && (!anchorsToo || Arrays.equals(Packing.pack(layers, a.anchorMean(), a.anchorVar()),
                        Packing.pack(layers, compiledIn.anchorMean(), compiledIn.anchorVar())));
        if (!same) {
            throw new IllegalArgumentException("this session has tau " + compiledIn.tau() + ", lambda "
                    + compiledIn.lambda() + ", its mask" + (anchorsToo ? " and its anchors" : "") + " compiled in; "
                    + "open another session (LeanTtaSession.frozen or anchored) for other knobs");
        }
    }

    private static void own(Map<String, OnnxTensor> t, Set<String> owned, String name, OnnxTensor tensor) {
        t.put(name, tensor);
        owned.add(name);
    }

    /** Runs a plain session, or a compiled one with its compiled-in or the default knobs (tau 0.9, lambda 0.9). */
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
     * @param statistics also fetch the per-layer sample statistics (not from a frozen session)
     */
    public Output run(float[] input, int batch, Knobs knobs, boolean statistics) throws OrtException {
        if (statistics && !statisticsNames.contains(GraphNames.STATISTICS) && !layers.isEmpty()) {
            throw new IllegalStateException("a frozen session returns no sample statistics; open an anchored or an "
                    + "adapted one");
        }
        try (OnnxTensor x = input(input, batch);
             OrtSession.Result result = session.run(feed(x, knobs), statistics ? statisticsNames : outputNames)) {
            return read(result, batch, statistics);
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

    private Output read(OrtSession.Result result, int batch, boolean statistics) throws OrtException {
        OnnxTensor logits = (OnnxTensor) result.get(logitsName).orElseThrow();
        long[] shape = logits.getInfo().getShape();
        int n = layers.size();
        float[][] d = new float[n][];
        if (n > 0) {
            float[] packed = floats((OnnxTensor) result.get(GraphNames.DIVERGENCES).orElseThrow());
            int samples = sharedDivergence ? 1 : batch;
            for (int l = 0; l < n; l++) {
                d[l] = new float[samples];
                for (int i = 0; i < samples; i++) {
                    d[l][i] = packed[i * n + l];
                }
            }
        }
        float[][] mean = null;
        float[][] var = null;
        if (statistics && n > 0) {
            mean = new float[n][];
            var = new float[n][];
            float[] packed = floats((OnnxTensor) result.get(GraphNames.STATISTICS).orElseThrow());
            Packing.unpack(layers, packed, sharedDivergence ? 1 : batch, mean, var);
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
            if (sourceAnchors != null) {
                sourceAnchors.close();
            }
            session.close();
        }
    }
}

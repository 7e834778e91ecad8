package org.leantta.kura.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.ai.inference.ModelInfo;
import org.eclipse.kura.ai.inference.ModelInfoBuilder;
import org.eclipse.kura.ai.inference.TensorDescriptor;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.kura.config.ConfigProxy;
import org.leantta.kura.model.LeanTtaModel;
import org.leantta.kura.model.LeanTtaModelConfig;

/**
 * One model the engine serves: a LeanTTA model, exactly as the model component runs it, configured from the
 * engine's knobs and the model's own parameters. Parameters given with a call that differ from those in force
 * reconfigure it first (a rebuild only where the model component would rebuild), but only from a description of
 * the knobs now in force ({@value #GENERATION} as {@link #info()} gives it) or one built without it: Kura's AI
 * component passes the description it read once, which must not undo later changes. Calls and reconfigurations
 * are serialized; a call never runs on a closed model.
 */
final class ServedModel implements AutoCloseable {
    /** The model parameter naming the stream whose hybrid state a call uses (default: one state for all). */
    static final String STREAM = "stream";
    static final String INPUT = "input";
    /** Names the knobs in force that a description was made from. */
    static final String GENERATION = "leantta.generation";
    private static final AtomicLong GENERATIONS = new AtomicLong();

    final String name;
    final String path;
    private final LeanTtaModel model;
    private final Map<String, Object> base;
    private Map<String, Object> inForce;
    private long generation = GENERATIONS.incrementAndGet();
    private boolean closed;

    private ServedModel(String name, String path, LeanTtaModel model, Map<String, Object> base) {
        this.name = name;
        this.path = path;
        this.model = model;
        this.base = base;
        this.inForce = base;
    }

    /** Loads and compiles {@code path} ("" for the built-in model); throws with the reason it cannot serve. */
    static ServedModel open(String name, String path, Map<String, Object> knobs) throws KuraException {
        Map<String, Object> base = new HashMap<>(knobs);
        base.put("model.path", path);
        LeanTtaModel m = new LeanTtaModel(null, ConfigProxy.of(LeanTtaModelConfig.class, base));
        Object refused = m.status().get("lastRejectedConfiguration");
        if (refused != null) {
            m.deactivate();
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, "model " + name + ": " + refused);
        }
        return new ServedModel(name, path, m, Map.copyOf(base));
    }

    /**
     * Applies the knobs among {@code parameters} if they differ from those in force, then answers each sample; a
     * description made from other knobs than those in force (a stale copy) only names the stream.
     */
    synchronized List<Prediction> run(Map<String, Object> parameters, String stream, float[][] samples,
            Encoding encoding) throws KuraException {
        if (closed) {
            throw new KuraException(KuraErrorCode.INTERNAL_ERROR, "model " + name + " was unloaded meanwhile");
        }
        Object made = parameters.get(GENERATION);
        if (made == null || String.valueOf(generation).equals(String.valueOf(made))) {
            configure(parameters);
        }
        List<Prediction> answers = new ArrayList<>();
        for (float[] x : samples) {
            answers.add(model.predict(stream, x, encoding));
        }
        return answers;
    }

    private void configure(Map<String, Object> parameters) throws KuraException {
        Map<String, Object> next = new HashMap<>(base);
        parameters.forEach((k, v) -> {
            if (ConfigProxy.has(LeanTtaModelConfig.class, k) && !k.equals("model.path")) {
                next.put(k, v);
            }
        });
        if (next.equals(inForce)) {
            return;
        }
        try {
            model.modified(ConfigProxy.of(LeanTtaModelConfig.class, next));
        } catch (IllegalArgumentException e) {
            throw TensorSamples.invalid("model " + name + ": parameter " + e.getMessage());
        }
        Object refused = model.status().get("lastRejectedConfiguration");
        if (refused != null) {
            throw TensorSamples.invalid("model " + name + ": parameters refused: " + refused);
        }
        inForce = next;
        generation = GENERATIONS.incrementAndGet();
    }

    long[] sampleShape() {
        return model.model().inputShape();
    }

    /**
     * The description Kura's AI wire component reads: input "input" of shape [1, sample shape], the knobs in force
     * and their generation.
     */
    synchronized ModelInfo info() {
        List<Long> shape = new ArrayList<>();
        shape.add(1L);
        for (long s : sampleShape()) {
            shape.add(s);
        }
        ModelInfoBuilder b = ModelInfo.builder(name).platform("onnxruntime_onnx").version(model.model().sha256())
                .addInputDescriptor(TensorDescriptor.builder(INPUT, TensorSamples.FP32, shape).build())
                .addAllOutputDescriptor(TensorAnswers.descriptors());
        @SuppressWarnings("unchecked")
        Map<String, Object> configuration = (Map<String, Object>) model.status().get("configuration");
        configuration.forEach(b::addParameter);
        b.addParameter("classLabels", String.join(",", model.model().labels()));
        b.addParameter(GENERATION, generation);
        return b.build();
    }

    /** Waits for a call in progress, then closes the model. */
    @Override
    public synchronized void close() {
        closed = true;
        model.deactivate();
    }
}

package org.leantta.kura.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import org.leantta.api.ModelInfo;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Onnx;
import org.leantta.core.graph.Refold;
import org.leantta.onnx.Adaptation;
import org.leantta.onnx.LeanTtaSession;
import org.leantta.onnx.Output;
import org.leantta.onnx.SessionSettings;

/**
 * The native part of a configuration: the compiled LeanTTA session for one sample per run, with the knobs
 * compiled in, and, if asked for, the unadapted one.
 */
final class Engine implements AutoCloseable {
    final ModelInfo info;
    final LeanTtaSession adapted;
    /** The unadapted model, or null when predictions do not report it. */
    final LeanTtaSession source;

    private Engine(ModelInfo info, LeanTtaSession adapted, LeanTtaSession source) {
        this.info = info;
        this.adapted = adapted;
        this.source = source;
    }

    /** Loads, compiles and opens the model; throws with what to fix, leaving nothing open. */
    static Engine open(ModelSettings s) throws Exception {
        ModelFile file = ModelFile.load(s);
        ModelProto proto;
        try {
            proto = Onnx.parse(file.bytes(), "model " + file.id());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CompiledModel compiled = new LeanTtaCompiler(s.rule(), LayerSelection.parse(s.layers())).singleSample()
                .compile(proto);
        SessionSettings settings = SessionSettings.threads(s.threads());
        Adaptation a = adaptation(s, compiled.layers().size());
        // the knobs are compiled in; the hybrid feeds its estimate as the anchors of every run
        LeanTtaSession adapted = s.hybridMode() ? LeanTtaSession.anchored(compiled, a, settings)
                : LeanTtaSession.frozen(compiled, a, settings);
        LeanTtaSession source = null;
        try {
            // an int8 model's partially fused layers are the identity with adaptation off: fused again, cheaper
            source = s.reportSource() ? LeanTtaSession.plain(Refold.of(proto).toByteArray(), settings) : null;
            int classes = adapted.run(new float[adapted.sampleSize()], 1).classes();
            List<String> labels = labels(file.labels(), classes);
            List<String> layers = new ArrayList<>();
            for (AdaptedLayer l : compiled.layers()) {
                layers.add(l.name());
            }
            return new Engine(new ModelInfo(file.id(), file.sha256(), adapted.sampleShape(), labels, layers),
                    adapted, source);
        } catch (Exception | Error e) {
            closeQuietly(adapted);
            closeQuietly(source);
            throw e;
        }
    }

    /** The knobs of the settings; adaptation off = every layer masked (the shift score is still measured). */
    static Adaptation adaptation(ModelSettings s, int layers) {
        Adaptation a = Adaptation.of(s.tau(), s.lambda());
        return s.enabled() ? a : a.withMask(new float[layers]);
    }

    private static List<String> labels(List<String> given, int classes) {
        if (given.isEmpty()) {
            List<String> numbers = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                numbers.add(Integer.toString(k));
            }
            return numbers;
        }
        if (given.size() != classes) {
            throw new IllegalArgumentException("labels: " + given.size() + " labels given, the model has " + classes
                    + " classes");
        }
        return given;
    }

    Output runSource(float[] x) throws OrtException {
        return source.run(x, 1);
    }

    private static void closeQuietly(LeanTtaSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // closing after a failed open: the first error is the one to report
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(adapted);
        closeQuietly(source);
    }
}

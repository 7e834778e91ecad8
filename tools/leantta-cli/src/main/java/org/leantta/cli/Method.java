package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leantta.core.Defaults;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Statistics;
import org.leantta.core.hybrid.HybridSettings;
import org.leantta.onnx.Adaptation;
import org.leantta.onnx.HybridAdapter;
import org.leantta.onnx.Knobs;
import org.leantta.onnx.LeanTtaSession;
import org.leantta.onnx.Output;
import org.leantta.onnx.SessionSettings;

/**
 * A way to predict that {@code evaluate} and {@code bench} compare on the same samples.
 *
 * @param name    the command-line name
 * @param summary one line for the help
 * @param rule    balance rule (null: no compiled adaptation, the source model)
 * @param layers  adapted layers
 * @param stats   per-sample or per-batch statistics
 * @param tau     tau
 * @param lambda  lambda
 * @param batch   exact batch the method needs (0: any; stateless methods give the same answer for any batch)
 * @param hybrid  the bounded-state hybrid's knobs; null for the stateless methods. A hybrid method processes
 *                each stream one sample at a time, in order, carrying its state across the stream
 */
record Method(String name, String summary, WeightRule rule, String layers, Statistics stats, float tau, float lambda,
              int batch, HybridSettings hybrid) {

    /** The methods, by name; {@code leantta} uses the given (default: shipped) knobs. */
    static Map<String, Method> all(WeightRule rule, String layers, float tau, float lambda) {
        return all(rule, layers, tau, lambda, Defaults.HYBRID);
    }

    /** The methods, with the hybrid's knobs too. */
    static Map<String, Method> all(WeightRule rule, String layers, float tau, float lambda, HybridSettings hybrid) {
        Map<String, Method> m = new LinkedHashMap<>();
        add(m, new Method("source", "the model as trained, no adaptation", null, "none", Statistics.SAMPLE, 1, 0, 0, null));
        add(m, new Method("bn-sample", "BatchNorm with the statistics of each single sample (batch 1)",
                WeightRule.CODE, "all", Statistics.SAMPLE, 0, 0, 0, null));
        add(m, new Method("bn-batch64", "BatchNorm with the statistics of 64 samples of the same shift (needs batches)",
                WeightRule.CODE, "all", Statistics.BATCH, 0, 0, 64, null));
        add(m, new Method("leantta", "LeanTTA with the shipped defaults (rule " + rule.id() + ", tau " + tau
                + ", lambda " + lambda + ", layers " + layers + ")", rule, layers, Statistics.SAMPLE, tau, lambda, 0, null));
        add(m, new Method("leantta-hybrid", "LeanTTA corrected against a moving estimate of the stream's statistics "
                + "(two vectors per layer), re-anchored on abrupt changes; knobs of 'leantta', "
                + hybrid.describe(), rule, layers, Statistics.SAMPLE, tau, lambda, 0, hybrid));
        add(m, new Method("leantta-paper", "LeanTTA, paper rule w = d^lambda, tau 0.9, lambda 0.9",
                WeightRule.PAPER, "all", Statistics.SAMPLE, 0.9f, 0.9f, 0, null));
        add(m, new Method("leantta-code", "LeanTTA, reference-code rule w = lambda*d, tau 0.9, lambda 0.9",
                WeightRule.CODE, "all", Statistics.SAMPLE, 0.9f, 0.9f, 0, null));
        return m;
    }

    static Map<String, Method> defaults() {
        return all(Defaults.RULE, Defaults.LAYERS, Defaults.TAU, Defaults.LAMBDA);
    }

    private static void add(Map<String, Method> m, Method method) {
        m.put(method.name, method);
    }

    /** Parses a comma list of method names (or "all"). */
    static List<Method> parse(String spec, Map<String, Method> known) {
        List<Method> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            String name = s.trim();
            if (name.equals("all")) {
                out.addAll(known.values());
            } else if (known.containsKey(name)) {
                out.add(known.get(name));
            } else if (!name.isEmpty()) {
                throw new Args.UsageException("unknown method '" + name + "'; expected one of: "
                        + String.join(", ", known.keySet()));
            }
        }
        return out;
    }

    boolean adapts() {
        return rule != null;
    }

    boolean stateful() {
        return hybrid != null;
    }

    /** Opens the session this method runs on, for batches of any size (a hybrid method takes one sample a run). */
    Runner open(ModelProto model, SessionSettings settings) throws OrtException {
        return open(model, settings, stateful());
    }

    /**
     * Opens the session this method runs on; {@code singleSample} compiles it for one sample per run (faster
     * at batch 1, as a gateway runs). The knobs are compiled in; a hybrid takes its anchors per run.
     */
    Runner open(ModelProto model, SessionSettings settings, boolean singleSample) throws OrtException {
        if (!adapts()) {
            return new Runner(this, LeanTtaSession.plain(model.toByteArray(), settings), null);
        }
        LeanTtaCompiler compiler = new LeanTtaCompiler(rule, LayerSelection.parse(layers), stats, false);
        CompiledModel compiled = (singleSample || stateful() ? compiler.singleSample() : compiler).compile(model);
        Adaptation a = Adaptation.of(tau, lambda);
        LeanTtaSession session = stateful() ? LeanTtaSession.anchored(compiled, a, settings)
                : LeanTtaSession.frozen(compiled, a, settings);
        return new Runner(this, session, session.knobs(a));
    }

    /** An open session with its knobs. */
    static final class Runner implements AutoCloseable {
        final Method method;
        final LeanTtaSession session;
        private final Knobs knobs;

        Runner(Method method, LeanTtaSession session, Knobs knobs) {
            this.method = method;
            this.session = session;
            this.knobs = knobs;
        }

        private HybridAdapter defaultStream;

        /** Runs n samples; a stateful method takes them one at a time as the next samples of one stream. */
        Output run(float[] x, int n) throws OrtException {
            if (method.stateful()) {
                if (n != 1) {
                    throw new IllegalStateException(method.name() + " keeps state: it takes one sample at a time");
                }
                if (defaultStream == null) {
                    defaultStream = stream();
                }
                return defaultStream.predict(x, knobs).output();
            }
            return knobs == null ? session.run(x, n) : session.run(x, n, knobs);
        }

        Knobs knobs() {
            return knobs;
        }

        /** A fresh state for one stream of a hybrid method, on this runner's session. */
        HybridAdapter stream() {
            return new HybridAdapter(session, method.hybrid());
        }

        @Override
        public void close() throws OrtException {
            if (knobs != null) {
                knobs.close();
            }
            session.close();
        }
    }
}

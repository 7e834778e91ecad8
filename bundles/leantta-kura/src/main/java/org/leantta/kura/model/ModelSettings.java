package org.leantta.kura.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leantta.core.Defaults;
import org.leantta.core.WeightRule;
import org.leantta.core.hybrid.HybridSettings;
import org.leantta.core.graph.LayerSelection;

/**
 * The validated configuration of {@link LeanTtaModel}: the edge between the OSGi configuration and plain values.
 * The first group, and tau, lambda, the switch and the mode (compiled into the session, so that ONNX Runtime
 * folds what depends on them alone), need new sessions when they change; the rest is applied live.
 */
record ModelSettings(String modelPath, String sha256, List<String> labels, WeightRule rule, String layers,
                     int threads, boolean reportSource,
                     float inputScale, float inputOffset, boolean enabled, float tau, float lambda,
                     float shiftThreshold, String mode, double momentum, double changeThreshold) {
    ModelSettings {
        labels = List.copyOf(labels);
        check(inputScale >= 0.000001f && Float.isFinite(inputScale),
                "input.scale must be a finite number >= 0.000001", inputScale, "");
        check(Float.isFinite(inputOffset), "input.offset must be finite", inputOffset, "");
        check(tau >= 0 && tau <= 1, "tau must be in [0, 1]", tau, "");
        checkLambda(rule, lambda);
        check(shiftThreshold >= 0 && shiftThreshold <= 1, "shift.threshold must be in [0, 1]", shiftThreshold,
                ": the shift score is a mean divergence, in [0, 1); 0 turns the flag off");
        check(threads >= 1 && threads <= 64, "threads must be in [1, 64]", threads, "");
        check(sha256.isEmpty() || sha256.matches("[0-9a-fA-F]{64}"), "model.sha256 must be 64 hex digits or empty",
                sha256, "");
        LayerSelection.parse(layers);
        check(mode.equals("stateless") || mode.equals("hybrid"), "adaptation.mode must be stateless or hybrid", mode,
                "");
        check(momentum >= 0.0001 && momentum <= 1, "hybrid.momentum must be in [0.0001, 1]", momentum, "");
        check(changeThreshold >= 0.001 && changeThreshold <= 1, "hybrid.change.threshold must be in [0.001, 1]",
                changeThreshold, "");
    }

    /**
     * lambda's range depends on the rule. Code rule: a factor, w = min(1, lambda * d); from lambda = 1/d on, the
     * layer keeps the source statistics, so beyond 100 (d >= 0.01, most layers of most samples: the median d of
     * clean validation samples is 0.025) larger values only saturate. Paper rule: an exponent, w = d ^ lambda;
     * 0 would fix w at 1.
     */
    private static void checkLambda(WeightRule rule, float lambda) {
        if (rule == WeightRule.PAPER) {
            check(lambda > 0 && lambda <= 100, "lambda must be in (0, 100] with rule paper", lambda,
                    ": it is the exponent of w = d ^ lambda, and 0 would fix w at 1, the source statistics (to "
                            + "stop adapting, set adaptation.enabled to false)");
        } else {
            check(lambda >= 0 && lambda <= 100, "lambda must be in [0, 100] with rule code", lambda,
                    ": it is the factor of w = lambda * d, clamped to [0, 1]; at 100, w is already 1 (the source "
                            + "statistics) wherever d >= 0.01, in most layers of most samples");
        }
    }

    private static HybridSettings hybridSettings(double momentum, double changeThreshold) {
        return Defaults.HYBRID.withEstimate(momentum, Defaults.HYBRID_PRIOR, changeThreshold,
                Defaults.HYBRID_DETECTOR_RATE);
    }

    /** The hybrid's knobs. */
    HybridSettings hybrid() {
        return hybridSettings(momentum, changeThreshold);
    }

    boolean hybridMode() {
        return mode.equals("hybrid");
    }

    /** Whether going from this to {@code next} starts the hybrid's estimates afresh (tau and lambda keep them). */
    boolean restartsStreams(ModelSettings next) {
        return !sameModel(next) || !mode.equals(next.mode) || momentum != next.momentum
                || changeThreshold != next.changeThreshold;
    }

    static ModelSettings from(LeanTtaModelConfig c) {
        return new ModelSettings(c.model_path().strip(), c.model_sha256().strip().toLowerCase(Locale.ROOT),
                labels(c.labels()), WeightRule.parse(c.rule()), c.adapted_layers().strip(), c.threads(),
                c.report_source(), c.input_scale(), c.input_offset(), c.adaptation_enabled(), c.tau(), c.lambda(),
                c.shift_threshold(), c.adaptation_mode().strip(), c.hybrid_momentum(), c.hybrid_change_threshold());
    }

    private static List<String> labels(String text) {
        List<String> out = new ArrayList<>();
        if (!text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::strip).forEach(out::add);
        }
        return out;
    }

    private static void check(boolean ok, String expected, Object got, String why) {
        if (!ok) {
            throw new IllegalArgumentException(expected + ", got " + got + why);
        }
    }

    /** Whether going from this to {@code next} needs new sessions. */
    boolean needsRebuild(ModelSettings next) {
        return !sameModel(next) || tau != next.tau || lambda != next.lambda || enabled != next.enabled
                || !mode.equals(next.mode);
    }

    /** Whether {@code next} runs the same model, rule and layers on the same kind of sessions. */
    private boolean sameModel(ModelSettings next) {
        return modelPath.equals(next.modelPath) && sha256.equals(next.sha256) && labels.equals(next.labels)
                && rule == next.rule && layers.equals(next.layers) && threads == next.threads
                && reportSource == next.reportSource;
    }

    ModelSettings withEnabled(boolean on) {
        return new ModelSettings(modelPath, sha256, labels, rule, layers, threads, reportSource, inputScale,
                inputOffset, on, tau, lambda, shiftThreshold, mode, momentum, changeThreshold);
    }

    /** The configuration properties (metatype ids and types) that produce these settings. */
    Map<String, Object> toProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model.path", modelPath);
        p.put("model.sha256", sha256);
        p.put("input.scale", inputScale);
        p.put("input.offset", inputOffset);
        p.put("labels", String.join(",", labels));
        p.put("adaptation.enabled", enabled);
        p.put("adaptation.mode", mode);
        p.put("hybrid.momentum", momentum);
        p.put("hybrid.change.threshold", changeThreshold);
        p.put("tau", tau);
        p.put("lambda", lambda);
        p.put("rule", rule.id());
        p.put("adapted.layers", layers);
        p.put("shift.threshold", shiftThreshold);
        p.put("threads", threads);
        p.put("report.source", reportSource);
        return p;
    }
}

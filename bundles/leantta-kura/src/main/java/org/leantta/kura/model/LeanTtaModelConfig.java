package org.leantta.kura.model;

import org.leantta.core.Defaults;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of {@link LeanTtaModel}; its defaults are the only defaults. */
@ObjectClassDefinition(id = LeanTtaModel.PID, name = "LeanTTA model",
        description = "An ONNX classifier whose BatchNorm statistics LeanTTA adapts to every single sample.")
public @interface LeanTtaModelConfig {
    // the model
    @AttributeDefinition(name = "Model file", required = false, description = "Path of an ONNX classifier with "
            + "BatchNormalization layers (fp32, or int8 made by 'leantta quantize'). Empty: the built-in "
            + "Fashion-MNIST reference model (int8).")
    String model_path() default "";

    @AttributeDefinition(name = "Model SHA-256", required = false, description = "Expected hex SHA-256 of the "
            + "model file; the model is refused if it differs. Empty: no check.")
    String model_sha256() default "";

    @AttributeDefinition(name = "uint8 input scale", min = "0.000001", description = "Above 0 (at least "
            + "0.000001). Samples sent with encoding uint8 (0..255) enter the model as value * scale + offset.")
    float input_scale() default 1f / 255f;

    @AttributeDefinition(name = "uint8 input offset", description = "See uint8 input scale.")
    float input_offset() default 0f;

    @AttributeDefinition(name = "Labels", required = false, description = "Class labels separated by commas. "
            + "Empty: the lines of the file <model>.labels next to the model, else the class numbers.")
    String labels() default "";

    // adaptation
    @AttributeDefinition(name = "Adaptation enabled",
            description = "Adapt the normalization statistics to each sample. Off: the source model answers "
                    + "(the shift score is still computed). Switching rebuilds the session in the background.")
    boolean adaptation_enabled() default true;

    @AttributeDefinition(name = "Adaptation mode", description = "stateless: the paper's LeanTTA, every sample "
            + "on its own. hybrid: each sample is also corrected against a moving estimate of its stream's (sensor's) "
            + "statistics, two vectors per layer, re-anchored at the source on an abrupt change and by the reset "
            + "command; much better on a sensor that stays drifted.",
            options = {@Option(label = "stateless", value = "stateless"), @Option(label = "hybrid", value = "hybrid")})
    String adaptation_mode() default "hybrid";

    @AttributeDefinition(name = "Source weight of the stabilization (tau)", min = "0", max = "1",
            description = "Range 0 to 1. How much the sample's statistics are first pulled toward the "
                    + "training statistics: 1 turns adaptation off, lower trusts the sample more. Compiled into the "
                    + "session, which is rebuilt in the background (predictions continue meanwhile).")
    float tau() default Defaults.TAU;

    @AttributeDefinition(name = "Divergence to source weight (lambda)", min = "0", max = "100",
            description = "Range 0 to 100 (the paper rule: above 0). Turns the divergence d into the source "
                    + "weight w, clamped to [0, 1]. Code rule: the factor of w = lambda * d, 0 to 100 (0: w is 0; "
                    + "from lambda = 1/d on, w is 1). Paper rule: the exponent of w = d ^ lambda, above 0 up to 100. "
                    + "Compiled into the session, which is rebuilt in the background.")
    float lambda() default Defaults.LAMBDA;

    @AttributeDefinition(name = "Source weight rule (code or paper)", description = "How the divergence d and "
            + "lambda give the source weight w. code: w = lambda * d (the authors' code, default); "
            + "paper: w = d ^ lambda; w is clamped to [0, 1]. Changing it recompiles the model.",
            options = {@Option(label = "code", value = "code"), @Option(label = "paper", value = "paper")})
    String rule() default "code";

    @AttributeDefinition(name = "Adapted layers", description = "Which BatchNormalization layers adapt: all, none, "
            + "first:K, last:K or a comma-separated list of indices or node names. Changing it recompiles the model.")
    String adapted_layers() default Defaults.LAYERS;

    // hybrid mode
    @AttributeDefinition(name = "Hybrid: how fast the estimate follows (momentum)", min = "0.0001", max = "1",
            description = "Range 0.0001 to 1. Hybrid mode: how fast the estimate follows the stream once warmed "
                    + "up (0.01: about the last 100 samples).")
    double hybrid_momentum() default Defaults.HYBRID_MOMENTUM;

    @AttributeDefinition(name = "Hybrid: re-anchor threshold", min = "0.001", max = "1", description = "Range "
            + "0.001 to 1. Hybrid mode: the estimate re-anchors at the source when the smoothed divergence of the "
            + "samples from it exceeds this.")
    double hybrid_change_threshold() default Defaults.HYBRID_THRESHOLD;

    // monitoring
    @AttributeDefinition(name = "Shift threshold", min = "0", max = "1", description = "Range 0 to 1. "
            + "Predictions whose shift score exceeds this are flagged outOfDistribution (default: the 99th "
            + "percentile of clean validation scores, from leantta threshold). 0 turns the flag off. In hybrid "
            + "mode the score comes from the sample's own run: once the estimate has learned a sensor's drift it "
            + "is the shift left after the correction (status reports the sensor's stateless score as "
            + "statelessShift).")
    float shift_threshold() default 0.08f;

    @AttributeDefinition(name = "Report the unadapted answer",
            description = "Also run the unadapted model and add sourceClass, sourceLabel and sourceConfidence to "
                    + "each prediction (for A/B monitoring; doubles the inference cost).")
    boolean report_source() default false;

    // performance
    @AttributeDefinition(name = "Threads", min = "1", max = "64",
            description = "Range 1 to 64. ONNX Runtime threads per inference. Changing it rebuilds the sessions.")
    int threads() default 1;
}

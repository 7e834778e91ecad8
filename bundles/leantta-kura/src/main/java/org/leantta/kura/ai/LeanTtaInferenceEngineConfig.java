package org.leantta.kura.ai;

import org.leantta.core.Defaults;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of {@link LeanTtaInferenceEngine}; its defaults are the only defaults. The knobs are those of the
 * LeanTTA model component, by the same ids; a model's parameters (in the ModelInfo given to infer) override them
 * per model.
 */
@ObjectClassDefinition(id = LeanTtaInferenceEngine.PID, name = "LeanTTA inference engine",
        description = "An InferenceEngineService for Kura's AI wire component: runs ONNX classifiers in process with "
                + "ONNX Runtime and adapts their BatchNorm statistics to every sample (LeanTTA).")
public @interface LeanTtaInferenceEngineConfig {
    @AttributeDefinition(name = "Models folder", required = false, description = "A folder of ONNX classifiers "
            + "with BatchNormalization layers, each <name>.onnx (optional labels in <name>.labels), all loaded at "
            + "start under their names. Empty: the built-in Fashion-MNIST model, named "
            + LeanTtaInferenceEngine.BUILT_IN + ".")
    String models_folder() default "";

    @AttributeDefinition(name = "Adaptation mode", description = "stateless: every sample on its own (the paper's "
            + "LeanTTA). hybrid: also a moving estimate per stream (the model parameter 'stream', else one for all).",
            options = {@Option(label = "stateless", value = "stateless"), @Option(label = "hybrid", value = "hybrid")})
    String adaptation_mode() default "hybrid";

    @AttributeDefinition(name = "tau", min = "0", max = "1", description = "Source weight of the stabilization "
            + "step: 1 turns adaptation off.")
    float tau() default Defaults.TAU;

    @AttributeDefinition(name = "lambda", min = "0", max = "100", description = "Turns the divergence into the "
            + "source weight (code rule: w = lambda * d, clamped to [0, 1]).")
    float lambda() default Defaults.LAMBDA;

    @AttributeDefinition(name = "Adapted layers", description = "Which BatchNormalization layers adapt: all, none, "
            + "first:K, last:K or a comma-separated list of indices or node names.")
    String adapted_layers() default Defaults.LAYERS;

    @AttributeDefinition(name = "Threads", min = "1", max = "64", description = "ONNX Runtime threads per "
            + "inference, per model.")
    int threads() default 1;
}

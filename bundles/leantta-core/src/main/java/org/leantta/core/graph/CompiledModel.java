package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import org.leantta.core.WeightRule;

/**
 * A model whose selected BatchNormalization layers were rewritten into LeanTTA subgraphs.
 *
 * @param model      the rewritten model
 * @param layers     the adapted layers, in graph order (index i = mask position i)
 * @param rule       the balance rule compiled in
 * @param statistics over which axes the target statistics are estimated
 */
public record CompiledModel(ModelProto model, List<AdaptedLayer> layers, WeightRule rule, Statistics statistics) {
    /** Serialized model, ready for an inference session. */
    public byte[] toByteArray() {
        return model.toByteArray();
    }

    /**
     * The model with the LeanTTA inputs' default initializers removed, so they become required inputs.
     * Runtimes whose API cannot feed overridable initializers (ONNX Runtime Java) run this form and feed
     * the knobs on every run.
     */
    public byte[] toRequiredInputsByteArray() {
        GraphProto.Builder g = model.getGraph().toBuilder().clearInitializer();
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (!isKnob(t.getName())) {
                g.addInitializer(t);
            }
        }
        return model.toBuilder().setGraph(g).build().toByteArray();
    }

    /** Whether a graph input is one of LeanTTA's knobs (tau, lambda, mask, anchors). */
    public static boolean isKnob(String name) {
        return name.equals(GraphNames.TAU) || name.equals(GraphNames.LAMBDA) || name.equals(GraphNames.MASK)
                || name.startsWith("leantta.l") && name.contains(".anchor_");
    }
}

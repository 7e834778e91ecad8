package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
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
}

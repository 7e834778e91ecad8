package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A per-channel constant added in front of a BatchNormalization, x = s + b, as {@code leantta quantize} leaves
 * one after a partially fused layer (the map from the folded convolution's output back to the BatchNorm input is
 * a Mul and this Add). The rewrite reads s and folds b into its per-channel terms, which saves a pass over the
 * activation. (The Mul stays: it is the one reader a DequantizeLinear output must have, else ONNX Runtime
 * copies the DequantizeLinear for every reader.)
 *
 * @param input the tensor s
 * @param shift per-channel b
 * @param node  the Add node, which the rewrite replaces
 */
record InputShift(String input, float[] shift, NodeProto node) {

    /** The shift feeding {@code bn}, if its input is Add(s, b) with constant b and nothing else reads the sum. */
    static Optional<InputShift> find(GraphProto graph, NodeProto bn, int channels, int rank,
                                     Map<String, Integer> readers) {
        NodeProto add = producer(graph, bn.getInput(0), readers);
        if (add == null) {
            return Optional.empty();
        }
        for (int k = 0; k < 2; k++) {
            float[] b = perChannel(graph, add.getInput(1 - k), channels, rank);
            String s = add.getInput(k);
            if (b != null && Onnx.constant(graph, s).isEmpty()) {
                return Optional.of(new InputShift(s, b, add));
            }
        }
        return Optional.empty();
    }

    /** The Add producing a tensor that only one node reads and the graph does not output. */
    private static NodeProto producer(GraphProto graph, String tensor, Map<String, Integer> readers) {
        if (readers.getOrDefault(tensor, 0) != 1
                || graph.getOutputList().stream().anyMatch(o -> o.getName().equals(tensor))) {
            return null;
        }
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOutputCount() == 1 && n.getOutput(0).equals(tensor)) {
                return n.getOpType().equals("Add") && n.getDomain().isEmpty() && n.getInputCount() == 2 ? n : null;
            }
        }
        return null;
    }

    /**
     * The values of a float constant that broadcasts one value per channel over an activation of that rank:
     * shape [C, 1, ...] (rank - 1 dims) or [1, C, 1, ...] (rank dims).
     */
    private static float[] perChannel(GraphProto graph, String name, int channels, int rank) {
        Optional<TensorProto> t = Onnx.constant(graph, name);
        if (t.isEmpty() || t.get().getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            return null;
        }
        List<Long> dims = t.get().getDimsList();
        int at = dims.size() == rank - 1 ? 0 : dims.size() == rank ? 1 : -1;
        for (int i = 0; i < dims.size() && at >= 0; i++) {
            if (dims.get(i) != (i == at ? channels : 1)) {
                return null;
            }
        }
        return at < 0 ? null : Onnx.floats(t.get());
    }
}

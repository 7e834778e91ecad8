package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tensor ranks of a graph: from its declared value-infos, then propagated through ops whose output has the
 * rank of their (broadcast) inputs. Enough to know whether a BatchNormalization sees NCL or NCHW data.
 */
final class Ranks {
    private static final Set<String> RANK_PRESERVING = Set.of(
            "Conv", "ConvInteger", "QLinearConv", "BatchNormalization", "InstanceNormalization", "Relu",
            "LeakyRelu", "PRelu", "Elu", "Selu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Clip",
            "Softplus", "Mish", "Gelu", "Identity", "Dropout", "MaxPool", "AveragePool", "LpPool", "Pad",
            "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Neg", "Abs", "Exp", "Log", "Max", "Min", "Sum",
            "Mean", "QuantizeLinear", "DequantizeLinear", "QLinearAdd", "QLinearMul", "Concat", "Cast",
            "Resize", "Upsample", "ConvTranspose", "Erf", "Where", "Floor", "Ceil", "Round", "Reciprocal");

    private final Map<String, Integer> ranks = new HashMap<>();

    Ranks(GraphProto graph) {
        for (TensorProto t : graph.getInitializerList()) {
            ranks.put(t.getName(), t.getDimsCount());
        }
        declare(graph.getInputList());
        declare(graph.getValueInfoList());
        declare(graph.getOutputList());
        for (NodeProto node : graph.getNodeList()) {
            if (RANK_PRESERVING.contains(node.getOpType())) {
                int r = -1;
                for (String in : node.getInputList()) {
                    r = Math.max(r, rank(in));
                }
                for (String out : node.getOutputList()) {
                    ranks.putIfAbsent(out, r);
                }
            }
        }
    }

    private void declare(Iterable<ValueInfoProto> infos) {
        for (ValueInfoProto info : infos) {
            int r = Onnx.rank(info);
            if (r >= 0) {
                ranks.put(info.getName(), r);
            }
        }
    }

    /** The rank of a tensor, or -1 if unknown. */
    int rank(String tensor) {
        return tensor.isEmpty() ? -1 : ranks.getOrDefault(tensor, -1);
    }
}

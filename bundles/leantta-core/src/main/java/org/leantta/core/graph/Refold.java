package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unadapted form of a partially fused int8 model ({@link Quantizer}): every adaptable layer fused completely
 * again. Such a layer runs its integer convolution, quantizes and dequantizes the output, maps it back to the
 * BatchNorm input and normalizes it with the source statistics, which together is the identity on the
 * convolution's output; with adaptation off that is pure cost (a float pass per op, and two layout transposes
 * around the float ops in ONNX Runtime). Here the convolution's output goes straight to the quantization that
 * followed the BatchNorm (and its ReLU, when that quantization's zero point 0 clips like one), which is what
 * {@code leantta quantize --adapt-layers none} gives. Layers whose chain is not exactly that are left as they are.
 */
public final class Refold {
    private static final double TOLERANCE = 1e-4;

    private final GraphProto graph;
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Set<String> outputs = new HashSet<>();

    private Refold(GraphProto graph) {
        this.graph = graph;
        for (NodeProto n : graph.getNodeList()) {
            n.getOutputList().forEach(o -> producers.put(o, n));
            n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
    }

    /** The model with its partially fused layers fused completely; the model itself if it has none. */
    public static ModelProto of(ModelProto model) {
        Refold r = new Refold(model.getGraph());
        Map<NodeProto, String> rewired = new HashMap<>();
        Set<NodeProto> removed = new HashSet<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (n.getOpType().equals("BatchNormalization")) {
                r.chain(n).ifPresent(c -> {
                    rewired.put(c.quantize(), c.convOutput());
                    removed.addAll(c.removed());
                });
            }
        }
        if (rewired.isEmpty()) {
            return model;
        }
        GraphProto.Builder g = model.getGraph().toBuilder().clearNode();
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (rewired.containsKey(n)) {
                g.addNode(n.toBuilder().setInput(0, rewired.get(n)));
            } else if (!removed.contains(n)) {
                g.addNode(n);
            }
        }
        Onnx.dropUnusedInitializers(g);
        return model.toBuilder().setGraph(g).build();
    }

    /** One partially fused layer: the float conv output, the quantization that ends the chain, the nodes between. */
    private record Chain(String convOutput, NodeProto quantize, List<NodeProto> removed) {
    }

    /** Q -> DQ -> Mul(a) -> Add(b) -> bn [-> Relu] -> Q', with bn(a*y + b) = y, read by nothing else. */
    private Optional<Chain> chain(NodeProto bn) {
        NodeProto add = only(bn.getInput(0), "Add");
        NodeProto mul = add == null ? null : only(add.getInput(0), "Mul");
        NodeProto dq = mul == null ? null : only(mul.getInput(0), "DequantizeLinear");
        NodeProto q = dq == null ? null : only(dq.getInput(0), "QuantizeLinear");
        NodeProto next = single(bn.getOutput(0));
        NodeProto relu = next != null && next.getOpType().equals("Relu") ? next : null;
        NodeProto q2 = relu != null ? single(relu.getOutput(0)) : next;
        if (q == null || q2 == null || !q2.getOpType().equals("QuantizeLinear") || !identity(bn, mul, add)
                || relu != null && !zeroPointIsZero(q2)) {
            return Optional.empty();
        }
        List<NodeProto> removed = new ArrayList<>(List.of(q, dq, mul, add, bn));
        if (relu != null) {
            removed.add(relu);
        }
        return Optional.of(new Chain(q.getInput(0), q2, removed));
    }

    /** The producer of a tensor if it has that type and the tensor has one reader and is no graph output. */
    private NodeProto only(String tensor, String type) {
        NodeProto p = producers.get(tensor);
        return p != null && p.getOpType().equals(type) && single(tensor) != null ? p : null;
    }

    private NodeProto single(String tensor) {
        List<NodeProto> c = consumers.getOrDefault(tensor, List.of());
        return c.size() == 1 && !outputs.contains(tensor) ? c.get(0) : null;
    }

    /** Whether gamma * (a*y + b - mu) / sqrt(var + eps) + beta is y for every channel. */
    private boolean identity(NodeProto bn, NodeProto mul, NodeProto add) {
        Optional<float[]> a = constant(mul.getInput(1));
        Optional<float[]> b = constant(add.getInput(1));
        List<Optional<float[]>> p = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            p.add(constant(bn.getInput(i)));
        }
        if (a.isEmpty() || b.isEmpty() || p.stream().anyMatch(Optional::isEmpty)) {
            return false;
        }
        float[] gamma = p.get(0).get();
        float[] beta = p.get(1).get();
        float[] mu = p.get(2).get();
        float[] var = p.get(3).get();
        float eps = Onnx.floatAttribute(bn, "epsilon", 1e-5f);
        for (int c = 0; c < gamma.length; c++) {
            double k = gamma[c] / Math.sqrt(var[c] + eps);
            double scale = k * a.get()[c];
            double offset = k * (b.get()[c] - mu[c]) + beta[c];
            if (Math.abs(scale - 1) > TOLERANCE || Math.abs(offset) > TOLERANCE * (1 + Math.abs(beta[c]))) {
                return false;
            }
        }
        return true;
    }

    private Optional<float[]> constant(String name) {
        return Onnx.constant(graph, name).filter(t -> t.getDataType() == TensorProto.DataType.FLOAT.getNumber())
                .map(Onnx::floats);
    }

    private boolean zeroPointIsZero(NodeProto quantize) {
        if (quantize.getInputCount() < 3) {
            return true; // the default zero point is 0
        }
        Optional<TensorProto> zp = Onnx.constant(graph, quantize.getInput(2));
        return zp.isPresent() && zp.get().getDataType() == TensorProto.DataType.UINT8.getNumber()
                && zp.get().getRawData().size() == 1 && zp.get().getRawData().byteAt(0) == 0;
    }
}

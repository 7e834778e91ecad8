package org.leantta.tooling.quant;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.Onnx;

/**
 * Static post-training int8 quantization to the QDQ format that ONNX Runtime runs with integer kernels.
 *
 * <p>Every Conv gets int8 per-output-channel symmetric weights, an int32 bias and uint8 activations. Its
 * BatchNormalization is folded into it. A Relu that alone consumes a quantized output is dropped and its
 * range given to the Q (zero point 0 clips like the Relu). Layers selected for adaptation are folded too,
 * but their output is dequantized, mapped back to the pre-BatchNorm activation and passed through the
 * original BatchNormalization node in float, which {@code LeanTtaCompiler} then rewrites ("partial fusion");
 * the ReLU after such a layer stays a separate float op. Residual Adds get quantized inputs and output.
 * Everything else (input scaling, pooling, the classifier) stays float.
 */
public final class Quantizer {
    private final LayerSelection adapt;

    /** @param adapt BatchNormalization layers that stay adaptable */
    public Quantizer(LayerSelection adapt) {
        this.adapt = adapt;
    }

    /** The tensors whose ranges {@link #quantize} reads: inputs and outputs of Conv, BN, Relu and Add. */
    public static List<String> calibrationTensors(ModelProto model) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            switch (n.getOpType()) {
                case "Conv" -> {
                    names.add(n.getInput(0));
                    names.add(n.getOutput(0));
                }
                case "Add" -> {
                    names.addAll(n.getInputList());
                    names.add(n.getOutput(0));
                }
                case "BatchNormalization", "Relu" -> names.add(n.getOutput(0));
                default -> {
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** Quantizes the model with the calibrated activation ranges. */
    public ModelProto quantize(ModelProto model, Map<String, Range> ranges) {
        GraphProto g = model.getGraph();
        if (Onnx.opset(model) < 13) {
            throw new IllegalArgumentException("quantization needs opset >= 13 (per-channel DequantizeLinear); "
                    + "the model has opset " + Onnx.opset(model));
        }
        List<NodeProto> bns = new ArrayList<>();
        List<String> bnNames = new ArrayList<>();
        for (NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("BatchNormalization")) {
                bns.add(n);
                bnNames.add(n.getName().isEmpty() ? "BatchNormalization_" + bnNames.size() : n.getName());
            }
        }
        Set<NodeProto> adapted = new HashSet<>();
        for (int i : adapt.select(bnNames)) {
            adapted.add(bns.get(i));
        }
        return new Rewrite(g, ranges, adapted).run(model);
    }

    /** A DequantizeLinear output and the uint8 quantization behind it. */
    private record Dequantized(String output, Range.ActivationQuant quant) {
    }

    /** One pass over the graph in topological order. */
    private static final class Rewrite {
        private final GraphProto g;
        private final Map<String, Range> ranges;
        private final Set<NodeProto> adapted;
        private final GraphProto.Builder out;
        private final Map<String, List<NodeProto>> consumers = new HashMap<>();
        private final Map<String, Dequantized> dequantized = new HashMap<>();
        private final Set<NodeProto> done = new HashSet<>();
        private final Map<String, ValueInfoProto> infos = new HashMap<>();

        Rewrite(GraphProto g, Map<String, Range> ranges, Set<NodeProto> adapted) {
            this.g = g;
            this.ranges = ranges;
            this.adapted = adapted;
            this.out = g.toBuilder().clearNode().clearInitializer().clearValueInfo();
            for (NodeProto n : g.getNodeList()) {
                for (String in : n.getInputList()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
            for (ValueInfoProto v : g.getValueInfoList()) {
                infos.put(v.getName(), v);
            }
        }

        ModelProto run(ModelProto model) {
            for (NodeProto n : g.getNodeList()) {
                if (done.contains(n)) {
                    continue;
                }
                switch (n.getOpType()) {
                    case "Conv" -> conv(n);
                    case "Add" -> add(n);
                    default -> out.addNode(renamed(n));
                }
            }
            keepUsedInitializers();
            return model.toBuilder().setGraph(out).build();
        }

        private void conv(NodeProto conv) {
            NodeProto bn = single(conv.getOutput(0), "BatchNormalization");
            boolean adaptable = bn != null && adapted.contains(bn);
            String result = bn != null ? bn.getOutput(0) : conv.getOutput(0);
            NodeProto relu = adaptable ? null : single(result, "Relu");
            String quantized = relu != null ? relu.getOutput(0) : result;
            Dequantized x = quantizedInput(conv.getInput(0));
            Folded f = Folded.of(g, conv, bn);
            WeightQuant wq = new WeightQuant(f.weights(), f.bias(), f.channels(), x.quant().scale());
            String p = result + "/int8";
            String w = dq(p + "/w", Onnx.int8Tensor(p + "/w_q", wq.weights, f.weightDims()), wq.scales, false);
            String b = dq(p + "/b", Onnx.int32Tensor(p + "/b_q", wq.bias, f.channels()), wq.biasScales, true);
            NodeProto.Builder c = conv.toBuilder().clearInput().addInput(x.output()).addInput(w).addInput(b)
                    .clearOutput().addOutput(p + "/conv");
            out.addNode(c);
            Dequantized dq = quantizeDequantize(p + "/conv", adaptable ? result : quantized, p + "/out");
            if (!adaptable) {
                dequantized.put(quantized, dq);
            }
            done.add(conv);
            if (bn != null) {
                done.add(bn);
            }
            if (relu != null) {
                done.add(relu);
            }
            if (adaptable) {
                unfold(bn, f, dq.output());
            }
        }

        /** x = a*y + b maps the folded output back to the conv's own output; then the original BN node. */
        private void unfold(NodeProto bn, Folded f, String y) {
            String x = bn.getInput(0);
            String p = bn.getOutput(0) + "/unfold";
            long[] dims = new long[Math.max(4, rank(x))];
            java.util.Arrays.fill(dims, 1);
            dims[1] = f.channels();
            out.addInitializer(Onnx.floatTensor(p + "/a", f.unfoldScale(), dims));
            out.addInitializer(Onnx.floatTensor(p + "/b", f.unfoldShift(), dims));
            out.addNode(NodeProto.newBuilder().setOpType("Mul").setName(p + "/mul").addInput(y).addInput(p + "/a")
                    .addOutput(p + "/scaled"));
            out.addNode(NodeProto.newBuilder().setOpType("Add").setName(p + "/add").addInput(p + "/scaled")
                    .addInput(p + "/b").addOutput(x));
            if (infos.containsKey(x)) {
                out.addValueInfo(infos.get(x));
            }
            out.addNode(bn);
        }

        private void add(NodeProto add) {
            String a = quantizedInput(add.getInput(0)).output();
            String b = quantizedInput(add.getInput(1)).output();
            NodeProto relu = single(add.getOutput(0), "Relu");
            String quantized = relu != null ? relu.getOutput(0) : add.getOutput(0);
            String p = quantized + "/int8";
            out.addNode(add.toBuilder().clearInput().addInput(a).addInput(b).clearOutput().addOutput(p + "/add"));
            dequantized.put(quantized, quantizeDequantize(p + "/add", quantized, p + "/out"));
            done.add(add);
            if (relu != null) {
                done.add(relu);
            }
        }

        /** The dequantized form of a tensor, adding a Q/DQ pair for it if it has none yet. */
        private Dequantized quantizedInput(String tensor) {
            return dequantized.computeIfAbsent(tensor, t -> quantizeDequantize(t, t, t + "/act"));
        }

        /**
         * Q then DQ of {@code input} with the calibrated range of {@code rangeOf}, nodes named {@code p/...};
         * returns the DQ output and its quantization.
         */
        private Dequantized quantizeDequantize(String input, String rangeOf, String p) {
            Range r = ranges.get(rangeOf);
            if (r == null) {
                throw new IllegalArgumentException("no calibrated range for tensor '" + rangeOf + "'");
            }
            Range.ActivationQuant q = r.uint8();
            out.addInitializer(Onnx.floatTensor(p + "/scale", new float[] {q.scale()}));
            out.addInitializer(Onnx.uint8Tensor(p + "/zero_point", new byte[] {(byte) q.zeroPoint()}));
            out.addNode(NodeProto.newBuilder().setOpType("QuantizeLinear").setName(p + "/q").addInput(input)
                    .addInput(p + "/scale").addInput(p + "/zero_point").addOutput(p + "/q"));
            out.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(p + "/dq").addInput(p + "/q")
                    .addInput(p + "/scale").addInput(p + "/zero_point").addOutput(p + "/dq"));
            return new Dequantized(p + "/dq", q);
        }

        /** A per-channel (axis 0) DequantizeLinear of a quantized initializer; returns its output. */
        private String dq(String name, TensorProto q, float[] scales, boolean int32) {
            int m = scales.length;
            out.addInitializer(q);
            out.addInitializer(Onnx.floatTensor(name + "_scale", scales, m));
            out.addInitializer(int32 ? Onnx.int32Tensor(name + "_zero_point", new int[m], m)
                    : Onnx.int8Tensor(name + "_zero_point", new byte[m], m));
            out.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(name + "/dq").addInput(q.getName())
                    .addInput(name + "_scale").addInput(name + "_zero_point").addOutput(name)
                    .addAttribute(Onnx.intAttr("axis", 0)));
            return name;
        }

        private NodeProto renamed(NodeProto n) {
            NodeProto.Builder b = n.toBuilder().clearInput();
            for (String in : n.getInputList()) {
                Dequantized d = dequantized.get(in);
                b.addInput(d == null ? in : d.output());
            }
            return b.build();
        }

        /** The only consumer of a tensor if it has that op type, else null. */
        private NodeProto single(String tensor, String opType) {
            List<NodeProto> c = consumers.getOrDefault(tensor, List.of());
            boolean graphOutput = g.getOutputList().stream().anyMatch(o -> o.getName().equals(tensor));
            return c.size() == 1 && !graphOutput && c.get(0).getOpType().equals(opType) ? c.get(0) : null;
        }

        private int rank(String tensor) {
            ValueInfoProto v = infos.get(tensor);
            return v == null ? -1 : Onnx.rank(v);
        }

        /** The source's initializers and value-infos that the rewritten nodes still read. */
        private void keepUsedInitializers() {
            out.addAllInitializer(g.getInitializerList());
            Onnx.dropUnusedInitializers(out);
            Set<String> used = new HashSet<>();
            out.getNodeList().forEach(n -> used.addAll(n.getInputList()));
            Set<String> described = new HashSet<>();
            out.getValueInfoList().forEach(v -> described.add(v.getName()));
            for (ValueInfoProto v : g.getValueInfoList()) {
                if (used.contains(v.getName()) && described.add(v.getName())) {
                    out.addValueInfo(v);
                }
            }
        }
    }
}

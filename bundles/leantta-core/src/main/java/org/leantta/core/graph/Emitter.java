package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Appends nodes and constants to a graph, hiding the opset differences of the ops the compiler uses. */
final class Emitter {
    private final GraphProto.Builder graph;
    private final long opset;
    private final Map<String, String> constants = new HashMap<>();
    private final java.util.Set<String> tensors = new java.util.HashSet<>();

    Emitter(GraphProto.Builder graph, long opset) {
        if (opset < 7) {
            throw new IllegalArgumentException("model opset " + opset + " is too old; re-export with opset >= 7");
        }
        this.graph = graph;
        this.opset = opset;
    }

    /** Adds a single-output node; its output is named after the node. */
    String op(String type, String name, String... inputs) {
        return op(type, name, List.of(), inputs);
    }

    String op(String type, String name, List<AttributeProto> attributes, String... inputs) {
        graph.addNode(NodeProto.newBuilder().setOpType(type).setName(name).addAllInput(List.of(inputs))
                .addOutput(name).addAllAttribute(attributes));
        return name;
    }

    /** Like {@link #op} but with a chosen output name. */
    void opTo(String type, String name, String output, String... inputs) {
        opTo(type, name, output, List.of(), inputs);
    }

    void opTo(String type, String name, String output, List<AttributeProto> attributes, String... inputs) {
        graph.addNode(NodeProto.newBuilder().setOpType(type).setName(name).addAllInput(List.of(inputs))
                .addOutput(output).addAllAttribute(attributes));
    }

    /** A shared float constant of shape [1]. */
    String constant(float value) {
        return constants.computeIfAbsent(Float.toString(value), k -> {
            String name = "leantta/const/" + k;
            graph.addInitializer(Onnx.floatTensor(name, new float[] {value}, 1));
            return name;
        });
    }

    /** A shared float constant of rank 0 (a scalar, as Clip's bounds must be). */
    String scalar(float value) {
        return constants.computeIfAbsent("scalar/" + value, k -> {
            String name = "leantta/const/" + k;
            graph.addInitializer(Onnx.floatTensor(name, new float[] {value}));
            return name;
        });
    }

    /** Clip of the input to [lo, hi]: bounds as attributes before opset 11, as scalar inputs from 11 on. */
    String clip(String name, String input, float lo, float hi) {
        if (opset < 11) {
            return op("Clip", name, List.of(Onnx.floatAttr("min", lo), Onnx.floatAttr("max", hi)), input);
        }
        return op("Clip", name, input, scalar(lo), scalar(hi));
    }

    /** Concat of the inputs along an axis, into a tensor of the given name. */
    String concat(String name, long axis, List<String> inputs) {
        graph.addNode(NodeProto.newBuilder().setOpType("Concat").setName(name).addAllInput(inputs).addOutput(name)
                .addAttribute(Onnx.intAttr("axis", axis)));
        return name;
    }

    /** Reshape to a constant shape (-1: inferred, 0: copied from the input). */
    String reshape(String name, String input, long... shape) {
        String shapeName = name + "/shape";
        graph.addInitializer(Onnx.longTensor(shapeName, shape, shape.length));
        return op("Reshape", name, input, shapeName);
    }

    /** A float constant of the given shape. */
    String tensor(String name, float[] values, long... dims) {
        graph.addInitializer(Onnx.floatTensor(name, values, dims));
        tensors.add(name);
        return name;
    }

    /** Whether {@link #tensor} already made a constant of that name. */
    boolean has(String name) {
        return tensors.contains(name);
    }

    /** ReduceMean / ReduceSum / ReduceSumSquare with keepdims=1 over the axes. */
    String reduce(String type, String name, String input, long... axes) {
        return reduce(type, name, true, input, axes);
    }

    /** ReduceMean / ReduceSum / ReduceSumSquare over the axes, keeping them (as 1) or not. */
    String reduce(String type, String name, boolean keepDims, String input, long... axes) {
        boolean axesAsInput = type.equals("ReduceSum") ? opset >= 13 : opset >= 18;
        List<AttributeProto> attrs = new ArrayList<>();
        attrs.add(Onnx.intAttr("keepdims", keepDims ? 1 : 0));
        if (axesAsInput) {
            String axesName = name + "/axes";
            graph.addInitializer(Onnx.longTensor(axesName, axes, axes.length));
            return op(type, name, attrs, input, axesName);
        }
        attrs.add(Onnx.ints("axes", axes));
        return op(type, name, attrs, input);
    }

    /** Splits a [n] vector into n tensors of shape [1]. */
    List<String> split(String input, int n) {
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1);
        return split(input, ones);
    }

    /** Splits a vector along axis 0 into pieces of the given sizes. */
    List<String> split(String input, long... sizes) {
        List<String> outs = new ArrayList<>();
        int n = sizes.length;
        if (n == 1) {
            outs.add(input);
            return outs;
        }
        NodeProto.Builder node = NodeProto.newBuilder().setOpType("Split").setName(input + "/split").addInput(input)
                .addAttribute(Onnx.intAttr("axis", 0));
        if (opset >= 13) {
            String name = input + "/split_sizes";
            graph.addInitializer(Onnx.longTensor(name, sizes, n));
            node.addInput(name);
        } else {
            node.addAttribute(Onnx.ints("split", sizes));
        }
        for (int i = 0; i < n; i++) {
            String o = input + "/" + i;
            node.addOutput(o);
            outs.add(o);
        }
        graph.addNode(node);
        return outs;
    }
}

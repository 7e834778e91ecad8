package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leantta.core.WeightRule;

/**
 * A model whose selected BatchNormalization layers were rewritten into LeanTTA subgraphs.
 *
 * <p>{@link #model()} is the standard file form: every knob an input with a default. For ONNX Runtime, whose
 * Java API cannot feed inputs that have initializers, it comes in three run forms: every knob fed on every run
 * ({@link #toRequiredInputsByteArray()}); every knob a constant ({@link #frozen}), which lets the runtime fold
 * all the terms of the knobs alone once at load; and tau, lambda and mask constant with the anchors fed
 * ({@link #anchored}), for the hybrid whose anchors change with every sample.
 *
 * @param model        the rewritten model
 * @param layers       the adapted layers, in graph order (index i = mask position i)
 * @param rule         the balance rule compiled in
 * @param statistics   over which axes the target statistics are estimated
 * @param singleSample whether the graph takes batches of one sample only
 */
public record CompiledModel(ModelProto model, List<AdaptedLayer> layers, WeightRule rule, Statistics statistics,
                            boolean singleSample) {
    private static final Set<String> KNOBS = Set.of(GraphNames.TAU, GraphNames.LAMBDA, GraphNames.MASK,
            GraphNames.ANCHORS);

    /** Serialized model, ready for an inference session. */
    public byte[] toByteArray() {
        return model.toByteArray();
    }

    /** The model with every knob a required input, fed on every run. */
    public byte[] toRequiredInputsByteArray() {
        return withConstants(Map.of(), true).toByteArray();
    }

    /**
     * The model with every knob a constant: no knob inputs, and only the divergences as extra output.
     *
     * @param mask    per layer 1 (adapt) or 0 (keep at the anchor); null adapts all
     * @param anchors the anchor statistics packed as {@link Packing} says; null for the source statistics
     */
    public byte[] frozen(float tau, float lambda, float[] mask, float[] anchors) {
        return withConstants(Map.of(GraphNames.TAU, scalar(GraphNames.TAU, tau),
                GraphNames.LAMBDA, scalar(GraphNames.LAMBDA, lambda), GraphNames.MASK, mask(mask),
                GraphNames.ANCHORS, anchors(anchors)), false).toByteArray();
    }

    /** The model with tau, lambda and mask constants and the anchors a required input (the hybrid's form). */
    public byte[] anchored(float tau, float lambda, float[] mask) {
        return withConstants(Map.of(GraphNames.TAU, scalar(GraphNames.TAU, tau),
                GraphNames.LAMBDA, scalar(GraphNames.LAMBDA, lambda), GraphNames.MASK, mask(mask)), true)
                .toByteArray();
    }

    /** Whether every sample of a batch gets the same divergences (batch statistics). */
    public boolean sharedDivergence() {
        return statistics == Statistics.BATCH;
    }

    /**
     * The knobs in {@code constants} become initializers and leave the inputs; the others lose their
     * initializer (so they are required inputs). Without {@code statistics} the statistics output and what
     * only it needs are dropped.
     */
    private ModelProto withConstants(Map<String, TensorProto> constants, boolean statistics) {
        GraphProto.Builder g = model.getGraph().toBuilder().clearInitializer();
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (!isKnob(t.getName())) {
                g.addInitializer(t);
            }
        }
        g.addAllInitializer(constants.values());
        List<ai.onnx.proto.OnnxMl.ValueInfoProto> inputs = g.getInputList().stream()
                .filter(in -> !constants.containsKey(in.getName())).toList();
        g.clearInput().addAllInput(inputs);
        if (!statistics) {
            List<ai.onnx.proto.OnnxMl.ValueInfoProto> outputs = g.getOutputList().stream()
                    .filter(o -> !o.getName().equals(GraphNames.STATISTICS)).toList();
            g.clearOutput().addAllOutput(outputs);
            Onnx.dropDeadNodes(g);
        }
        return model.toBuilder().setGraph(g).build();
    }

    private static TensorProto scalar(String name, float value) {
        return Onnx.floatTensor(name, new float[] {value}, 1);
    }

    private TensorProto mask(float[] mask) {
        float[] m = mask;
        if (m == null) {
            m = new float[layers.size()];
            Arrays.fill(m, 1f);
        } else if (m.length != layers.size()) {
            throw new IllegalArgumentException("mask has " + m.length + " entries, the model has " + layers.size()
                    + " adapted layers");
        }
        return Onnx.floatTensor(GraphNames.MASK, m, m.length);
    }

    private TensorProto anchors(float[] anchors) {
        float[] a = anchors == null ? Packing.sourceStatistics(layers) : anchors;
        if (a.length != Packing.size(layers)) {
            throw new IllegalArgumentException("expected " + Packing.size(layers) + " packed anchor statistics, got "
                    + a.length);
        }
        return Onnx.floatTensor(GraphNames.ANCHORS, a, a.length);
    }

    /** Whether a graph input is one of LeanTTA's knobs (tau, lambda, mask, anchors). */
    public static boolean isKnob(String name) {
        return KNOBS.contains(name);
    }
}

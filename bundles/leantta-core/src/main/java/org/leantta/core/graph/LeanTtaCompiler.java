package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import org.leantta.core.LayerStats;
import org.leantta.core.WeightRule;

/**
 * Rewrites BatchNormalization nodes into subgraphs of standard ONNX ops that apply LeanTTA per sample
 * (DESIGN 3, steps 1-5), so one inference run adapts and predicts. tau, lambda, the per-layer mask and the
 * anchor statistics become graph inputs with defaults; divergences and sample statistics become outputs.
 */
public final class LeanTtaCompiler {
    /** Default tau and lambda baked into the input defaults (the authors' code). */
    public static final float DEFAULT_TAU = 0.9f;
    public static final float DEFAULT_LAMBDA = 0.9f;

    private final WeightRule rule;
    private final LayerSelection selection;
    private final Statistics statistics;
    private final boolean exposeLayerIo;

    /**
     * @param rule          the balance rule compiled into the graph
     * @param selection     which BatchNormalization layers to rewrite; the others stay as they are
     * @param statistics    per-sample (LeanTTA) or per-batch (reference) target statistics
     * @param exposeLayerIo also output each adapted layer's input and output tensors (for checks)
     */
    public LeanTtaCompiler(WeightRule rule, LayerSelection selection, Statistics statistics, boolean exposeLayerIo) {
        this.rule = rule;
        this.selection = selection;
        this.statistics = statistics;
        this.exposeLayerIo = exposeLayerIo;
    }

    public LeanTtaCompiler(WeightRule rule, LayerSelection selection) {
        this(rule, selection, Statistics.SAMPLE, false);
    }

    /** Compiles a model; throws IllegalArgumentException saying how to fix an unsuitable model. */
    public CompiledModel compile(ModelProto model) {
        GraphProto graph = model.getGraph();
        List<NodeProto> bns = batchNorms(graph);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bns.size(); i++) {
            names.add(nodeName(bns.get(i), i));
        }
        Set<Integer> chosen = selection.select(names);
        Ranks ranks = new Ranks(graph);
        Map<NodeProto, AdaptedLayer> layers = new HashMap<>();
        List<AdaptedLayer> ordered = new ArrayList<>();
        for (int i = 0; i < bns.size(); i++) {
            if (chosen.contains(i)) {
                AdaptedLayer layer = describe(graph, bns.get(i), names.get(i), ordered.size(), i, ranks);
                layers.put(bns.get(i), layer);
                ordered.add(layer);
            }
        }
        GraphProto.Builder out = graph.toBuilder().clearNode();
        Emitter emit = new Emitter(out, Onnx.opset(model));
        List<String> alphas = ordered.isEmpty() ? List.of() : globals(emit, out, ordered.size());
        for (NodeProto node : graph.getNodeList()) {
            AdaptedLayer layer = layers.get(node);
            if (layer == null) {
                out.addNode(node);
            } else {
                new LayerRewrite(emit, layer, rule, statistics, ranks.spatialSize(layer.inputName()))
                        .emit(alphas.get(layer.index()), out);
                if (exposeLayerIo) {
                    out.addOutput(Onnx.floatOutput(layer.inputName()));
                    out.addOutput(Onnx.floatOutput(layer.outputName()));
                }
            }
        }
        Onnx.dropUnusedInitializers(out);
        ModelProto compiled = model.toBuilder().setGraph(out).build();
        return new CompiledModel(compiled, List.copyOf(ordered), rule, statistics);
    }

    private static List<NodeProto> batchNorms(GraphProto graph) {
        List<NodeProto> bns = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("BatchNormalization") && node.getDomain().isEmpty()) {
                bns.add(node);
            }
        }
        if (bns.isEmpty()) {
            throw new IllegalArgumentException("the model has no BatchNormalization node, so there are no "
                    + "normalization statistics to adapt. Export it with BatchNorm kept (PyTorch: torch.onnx.export("
                    + "..., training=TrainingMode.PRESERVE, do_constant_folding=False)) or quantize it with "
                    + "'leantta quantize', which keeps adaptable layers");
        }
        return bns;
    }

    private static String nodeName(NodeProto node, int i) {
        return node.getName().isEmpty() ? "BatchNormalization_" + i : node.getName();
    }

    private static AdaptedLayer describe(GraphProto graph, NodeProto bn, String name, int index, int bnIndex,
                                         Ranks ranks) {
        if (bn.getOutputCount() != 1 || Onnx.intAttribute(bn, "training_mode", 0) != 0) {
            throw new IllegalArgumentException("BatchNormalization " + name + " is in training mode (it has "
                    + bn.getOutputCount() + " outputs); export the model in eval mode");
        }
        int rank = ranks.rank(bn.getInput(0));
        if (rank < 0) {
            throw new IllegalArgumentException("cannot tell the rank of the input of " + name + " ('"
                    + bn.getInput(0) + "'); save the model with shape information (onnx.shape_inference)");
        }
        if (rank < 3) {
            throw new IllegalArgumentException("BatchNormalization " + name + " normalizes rank-" + rank
                    + " features without spatial axes, so one sample has no statistics to estimate; "
                    + "leave it out of the adapted layers");
        }
        float eps = Onnx.floatAttribute(bn, "epsilon", 1e-5f);
        String owner = "BatchNormalization " + name;
        LayerStats stats = new LayerStats(name, Onnx.floatConstant(graph, bn.getInput(3), owner),
                Onnx.floatConstant(graph, bn.getInput(4), owner), Onnx.floatConstant(graph, bn.getInput(1), owner),
                Onnx.floatConstant(graph, bn.getInput(2), owner), eps);
        return new AdaptedLayer(index, bnIndex, bn.getInput(0), bn.getOutput(0), rank, stats);
    }

    /** Inputs tau, lambda, mask and the per-layer alpha factors mask_l * (1 - tau). */
    private static List<String> globals(Emitter emit, GraphProto.Builder out, int layers) {
        addInput(out, GraphNames.TAU, new float[] {DEFAULT_TAU}, 1);
        addInput(out, GraphNames.LAMBDA, new float[] {DEFAULT_LAMBDA}, 1);
        float[] ones = new float[layers];
        java.util.Arrays.fill(ones, 1f);
        addInput(out, GraphNames.MASK, ones, layers);
        String omt = emit.op("Sub", "leantta/one_minus_tau", emit.constant(1f), GraphNames.TAU);
        String omt2 = emit.op("Mul", "leantta/one_minus_tau_sq", omt, omt);
        emit.op("Neg", Emitter.NEG_OMT2, omt2);
        String alpha = emit.op("Mul", "leantta/alpha_max", GraphNames.MASK, omt);
        return emit.split(alpha, layers);
    }

    static void addInput(GraphProto.Builder out, String name, float[] defaults, long... dims) {
        out.addInitializer(Onnx.floatTensor(name, defaults, dims));
        out.addInput(Onnx.floatInfo(name, "", dims));
    }
}

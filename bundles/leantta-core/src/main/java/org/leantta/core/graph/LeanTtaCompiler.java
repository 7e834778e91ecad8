package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leantta.core.LayerStats;
import org.leantta.core.WeightRule;

/**
 * Rewrites BatchNormalization nodes into subgraphs of standard ONNX ops that apply LeanTTA per sample
 * (DESIGN 3, steps 1-5), so one inference run adapts and predicts. tau, lambda, the per-layer mask and the
 * anchor statistics become graph inputs with defaults ({@link GraphNames}); the divergences and the sample
 * statistics become two outputs, each packing all adapted layers.
 */
public final class LeanTtaCompiler {
    /** Default tau and lambda baked into the input defaults (the authors' code). */
    public static final float DEFAULT_TAU = 0.9f;
    public static final float DEFAULT_LAMBDA = 0.9f;
    /** Why a model without BatchNormalization cannot adapt, and how to export one that can. */
    public static final String NO_BATCHNORM = "the model has no BatchNormalization node, so there are no "
            + "normalization statistics to adapt (a plain eval-mode export folds BatchNorm into the convolutions). "
            + "Export the float model with BatchNorm kept (PyTorch: torch.onnx.export(..., "
            + "training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False); "
            + "tools/byo-model/export_model.py does this), then quantize that one with 'leantta quantize', which "
            + "keeps the adaptable layers";

    private final WeightRule rule;
    private final LayerSelection selection;
    private final Statistics statistics;
    private final boolean exposeLayerIo;
    private final boolean singleSample;

    /**
     * @param rule          the balance rule compiled into the graph
     * @param selection     which BatchNormalization layers to rewrite; the others stay as they are
     * @param statistics    per-sample (LeanTTA) or per-batch (reference) target statistics
     * @param exposeLayerIo also output each adapted layer's input and output tensors, divergence and sample
     *                      statistics (for checks)
     */
    public LeanTtaCompiler(WeightRule rule, LayerSelection selection, Statistics statistics, boolean exposeLayerIo) {
        this(rule, selection, statistics, exposeLayerIo, false);
    }

    public LeanTtaCompiler(WeightRule rule, LayerSelection selection) {
        this(rule, selection, Statistics.SAMPLE, false);
    }

    private LeanTtaCompiler(WeightRule rule, LayerSelection selection, Statistics statistics, boolean exposeLayerIo,
                            boolean singleSample) {
        this.rule = rule;
        this.selection = selection;
        this.statistics = statistics;
        this.exposeLayerIo = exposeLayerIo;
        this.singleSample = singleSample;
    }

    /**
     * The same compiler for graphs that take one sample per run (batch 1, as a gateway predicts): each layer
     * then works on [C] vectors and normalizes with one BatchNormalization op, which is fewer and cheaper
     * kernels than the per-sample form a batch needs.
     */
    public LeanTtaCompiler singleSample() {
        return new LeanTtaCompiler(rule, selection, statistics, exposeLayerIo, true);
    }

    /** Compiles a model; throws IllegalArgumentException saying how to fix an unsuitable model. */
    public CompiledModel compile(ModelProto model) {
        GraphProto graph = model.getGraph();
        List<AdaptedLayer> ordered = new ArrayList<>();
        Map<NodeProto, AdaptedLayer> layers = chooseLayers(graph, ordered);
        GraphProto.Builder out = graph.toBuilder().clearNode();
        rewrite(graph, out, layers, ordered, new Emitter(out, Onnx.opset(model)));
        if (singleSample) {
            batchOfOne(out);
        }
        Onnx.dropUnusedInitializers(out);
        ModelProto compiled = model.toBuilder().setGraph(out).build();
        return new CompiledModel(compiled, List.copyOf(ordered), rule, statistics, singleSample);
    }

    /** The selected BatchNormalization nodes with their layers; {@code ordered} gets the layers in graph order. */
    private Map<NodeProto, AdaptedLayer> chooseLayers(GraphProto graph, List<AdaptedLayer> ordered) {
        List<NodeProto> bns = batchNorms(graph);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bns.size(); i++) {
            names.add(nodeName(bns.get(i), i));
        }
        Set<Integer> chosen = selection.select(names);
        Ranks ranks = new Ranks(graph);
        Map<NodeProto, AdaptedLayer> layers = new HashMap<>();
        for (int i = 0; i < bns.size(); i++) {
            if (chosen.contains(i)) {
                AdaptedLayer layer = describe(graph, bns.get(i), names.get(i), ordered.size(), i, ranks);
                layers.put(bns.get(i), layer);
                ordered.add(layer);
            }
        }
        return layers;
    }

    /** Copies the nodes into {@code out}, the chosen BatchNormalization nodes as LeanTTA subgraphs. */
    private void rewrite(GraphProto graph, GraphProto.Builder out, Map<NodeProto, AdaptedLayer> layers,
                         List<AdaptedLayer> ordered, Emitter emit) {
        boolean channel = statistics == Statistics.BATCH || singleSample;
        Map<NodeProto, InputShift> shifts = shifts(graph, layers);
        Set<NodeProto> replaced = new HashSet<>();
        if (!exposeLayerIo) { // else the Add stays, to output the layer's input
            shifts.values().forEach(a -> replaced.add(a.node()));
        }
        KnobTerms knobs = ordered.isEmpty() ? null : KnobTerms.emit(emit, out, ordered, rule, channel);
        List<LayerRewrite.Result> results = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            AdaptedLayer layer = layers.get(node);
            if (layer != null) {
                results.add(new LayerRewrite(emit, layer, rule, new Layout(channel, layer.rank()), shifts.get(node))
                        .emit(knobs));
                exposeLayerIo(out, layer, results.get(results.size() - 1));
            } else if (!replaced.contains(node)) {
                out.addNode(node);
            }
        }
        if (!ordered.isEmpty()) {
            new Outputs(emit, out, channel).emit(ordered, results);
        }
    }

    private static Map<NodeProto, InputShift> shifts(GraphProto graph, Map<NodeProto, AdaptedLayer> layers) {
        Map<String, Integer> readers = new HashMap<>();
        for (NodeProto n : graph.getNodeList()) {
            for (String in : n.getInputList()) {
                readers.merge(in, 1, Integer::sum);
            }
        }
        Map<NodeProto, InputShift> found = new HashMap<>();
        layers.forEach((bn, layer) -> InputShift.find(graph, bn, layer.channels(), layer.rank(), readers)
                .ifPresent(a -> found.put(bn, a)));
        return found;
    }

    private void exposeLayerIo(GraphProto.Builder out, AdaptedLayer layer, LayerRewrite.Result r) {
        if (exposeLayerIo) {
            for (String name : List.of(layer.inputName(), layer.outputName(), r.divergence(), r.mean(), r.var())) {
                out.addOutput(Onnx.floatOutput(name));
            }
        }
    }

    /** Fixes the batch axis of the data inputs at 1, so that the runtime knows every shape. */
    private static void batchOfOne(GraphProto.Builder out) {
        Set<String> constants = new HashSet<>();
        out.getInitializerList().forEach(t -> constants.add(t.getName()));
        for (int i = 0; i < out.getInputCount(); i++) {
            ValueInfoProto in = out.getInput(i);
            if (constants.contains(in.getName()) || Onnx.rank(in) < 1) {
                continue;
            }
            var dim = in.getType().getTensorType().getShape().getDim(0);
            if (dim.hasDimValue() && dim.getDimValue() != 1) {
                throw new IllegalArgumentException("input '" + in.getName() + "' has a fixed batch of "
                        + dim.getDimValue() + "; a single-sample graph needs batch 1 or a dynamic batch");
            }
            ValueInfoProto.Builder b = in.toBuilder();
            b.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).clear().setDimValue(1);
            out.setInput(i, b);
        }
    }

    private static List<NodeProto> batchNorms(GraphProto graph) {
        List<NodeProto> bns = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("BatchNormalization") && node.getDomain().isEmpty()) {
                bns.add(node);
            }
        }
        if (bns.isEmpty()) {
            throw new IllegalArgumentException(NO_BATCHNORM);
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
}

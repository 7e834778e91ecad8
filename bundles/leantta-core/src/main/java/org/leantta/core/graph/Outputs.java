package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The two outputs that carry every adapted layer's numbers, so that a run fetches two tensors whatever the
 * number of layers: {@link GraphNames#DIVERGENCES} and {@link GraphNames#STATISTICS} (see there for shapes).
 */
final class Outputs {
    private final Emitter emit;
    private final GraphProto.Builder graph;
    private final boolean channel;

    Outputs(Emitter emit, GraphProto.Builder graph, boolean channel) {
        this.emit = emit;
        this.graph = graph;
        this.channel = channel;
    }

    void emit(List<AdaptedLayer> layers, List<LayerRewrite.Result> results) {
        List<String> d = new ArrayList<>();
        List<String> stats = new ArrayList<>();
        for (LayerRewrite.Result r : results) {
            d.add(r.divergence());
            stats.add(r.mean());
            stats.add(r.var());
        }
        boolean sameRank = layers.stream().allMatch(l -> l.rank() == layers.get(0).rank());
        graph.addOutput(Onnx.floatOutput(pack(GraphNames.DIVERGENCES, d, sameRank)));
        graph.addOutput(Onnx.floatOutput(pack(GraphNames.STATISTICS, stats, sameRank)));
    }

    /**
     * [C] vectors concatenate along their only axis; per-sample [N, C, 1, ...] tensors along the channel axis
     * (flattened to [N, C] first if the layers' ranks differ), which keeps the result sample-major.
     */
    private String pack(String name, List<String> parts, boolean sameRank) {
        if (channel || sameRank) {
            return emit.concat(name, channel ? 0 : 1, parts);
        }
        List<String> flat = new ArrayList<>();
        for (String part : parts) {
            flat.add(emit.op("Flatten", part + "/flat", List.of(Onnx.intAttr("axis", 1)), part));
        }
        return emit.concat(name, 1, flat);
    }
}

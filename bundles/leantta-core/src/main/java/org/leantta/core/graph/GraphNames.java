package org.leantta.core.graph;

/**
 * Names of the inputs and outputs a compiled LeanTTA graph adds to the model's own.
 *
 * <p>Inputs, all optional (their initializers hold the defaults): {@value #TAU} [1], {@value #LAMBDA} [1],
 * {@value #MASK} [L] (1 adapts layer l, 0 keeps it at its anchor) and {@value #ANCHORS} [S], the anchor
 * statistics packed as {@link Packing} describes (default: the source statistics).
 *
 * <p>Outputs: {@value #DIVERGENCES}, each adapted layer's divergence d, sample-major: [N, L, 1, ...] (per-sample
 * graphs) or [L] (a graph for one sample, or batch statistics shared by the batch); {@value #STATISTICS}, the
 * sample statistics packed as the anchors, [N, S, 1, ...] or [S]. Inside the graph, layer l's divergence and
 * statistics are the tensors {@code leantta.l<l>.d}, {@code .mean} and {@code .var}.
 */
public final class GraphNames {
    public static final String TAU = "leantta.tau";
    public static final String LAMBDA = "leantta.lambda";
    public static final String MASK = "leantta.mask";
    public static final String ANCHORS = "leantta.anchors";
    public static final String DIVERGENCES = "leantta.d";
    public static final String STATISTICS = "leantta.stats";

    private GraphNames() {
    }

    public static String divergence(int layer) {
        return prefix(layer) + "d";
    }

    public static String sampleMean(int layer) {
        return prefix(layer) + "mean";
    }

    public static String sampleVar(int layer) {
        return prefix(layer) + "var";
    }

    static String prefix(int layer) {
        return "leantta.l" + layer + ".";
    }
}

package org.leantta.core.graph;

/**
 * Names of the inputs and outputs a compiled LeanTTA graph adds to the model's own.
 *
 * <p>Inputs (all optional: their initializers hold the defaults):
 * {@value #TAU} [1], {@value #LAMBDA} [1], {@value #MASK} [L] (1 adapts layer l, 0 keeps it at its anchor),
 * and per adapted layer l the anchor statistics {@code leantta.l<l>.anchor_mean} and
 * {@code leantta.l<l>.anchor_var} in broadcast layout [1, C, 1, ...] (defaults: the source statistics).
 * Outputs per adapted layer: {@code leantta.l<l>.d} [N, 1, 1, ...] the divergence, and
 * {@code leantta.l<l>.mean}, {@code leantta.l<l>.var} [N, C, 1, ...] the sample statistics.
 */
public final class GraphNames {
    public static final String TAU = "leantta.tau";
    public static final String LAMBDA = "leantta.lambda";
    public static final String MASK = "leantta.mask";

    private GraphNames() {
    }

    public static String anchorMean(int layer) {
        return prefix(layer) + "anchor_mean";
    }

    public static String anchorVar(int layer) {
        return prefix(layer) + "anchor_var";
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

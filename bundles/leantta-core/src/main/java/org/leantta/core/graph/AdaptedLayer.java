package org.leantta.core.graph;

import org.leantta.core.LayerStats;

/**
 * One BatchNormalization layer rewritten by the compiler.
 *
 * @param index       position among the adapted layers (the index in the graph names and the mask)
 * @param bnIndex     position among all BatchNormalization nodes of the source model
 * @param inputName   the tensor the layer normalizes
 * @param outputName  the tensor it produces (unchanged by the rewrite)
 * @param rank        rank of the activation (3 for NCL, 4 for NCHW)
 * @param stats       source statistics and affine parameters
 */
public record AdaptedLayer(int index, int bnIndex, String inputName, String outputName, int rank, LayerStats stats) {
    public String name() {
        return stats.name();
    }

    public int channels() {
        return stats.channels();
    }

    /** Shape of the anchor inputs: [1, C, 1, ...] of the activation's rank. */
    public long[] anchorShape() {
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, 1);
        shape[1] = channels();
        return shape;
    }
}

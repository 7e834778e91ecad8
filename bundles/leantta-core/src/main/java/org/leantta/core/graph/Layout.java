package org.leantta.core.graph;

/**
 * How a compiled layer holds its per-channel statistics: as [C] vectors that the batch shares (batch statistics,
 * or a graph compiled for one sample at a time, which then normalizes with one BatchNormalization op), or per
 * sample as [N, C, 1, ...] (a batch of independent samples, normalized with broadcast Mul and Add).
 *
 * @param channel [C] vectors if true, else [N, C, 1, ...]
 * @param rank    rank of the layer's activation
 */
record Layout(boolean channel, int rank) {
    /** Shape of a per-channel constant. */
    long[] vectorDims(int channels) {
        if (channel) {
            return new long[] {channels};
        }
        long[] dims = new long[rank];
        java.util.Arrays.fill(dims, 1);
        dims[1] = channels;
        return dims;
    }

    /** The axes the sample statistics reduce: batch and spatial for [C] vectors, spatial per sample otherwise. */
    long[] statisticsAxes() {
        int first = channel ? 1 : 2;
        long[] axes = new long[rank - first];
        for (int a = first; a < rank; a++) {
            axes[a - first] = a;
        }
        if (channel) {
            axes[0] = 0;
        }
        return axes;
    }

    /** The axis of the channels in a statistics vector (summed by the divergence). */
    long channelAxis() {
        return channel ? 0 : 1;
    }
}

package org.leantta.core;

/**
 * Source statistics and affine parameters of one BatchNormalization layer.
 *
 * @param name    the layer's node name in the graph
 * @param mean    running mean mu_s per channel
 * @param var     running variance var_s per channel
 * @param gamma   scale per channel
 * @param beta    shift per channel
 * @param epsilon the layer's epsilon
 */
public record LayerStats(String name, float[] mean, float[] var, float[] gamma, float[] beta, float epsilon) {
    public LayerStats {
        int c = mean.length;
        if (var.length != c || gamma.length != c || beta.length != c) {
            throw new IllegalArgumentException("layer " + name + ": mean, var, gamma and beta must all have "
                    + c + " channels (got " + var.length + ", " + gamma.length + ", " + beta.length + ")");
        }
    }

    public int channels() {
        return mean.length;
    }
}

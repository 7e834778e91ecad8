package org.leantta.onnx;

import java.util.Arrays;

/**
 * Run-time knobs of a compiled LeanTTA session; changing them needs no recompilation.
 *
 * @param tau        source weight of the stabilization step, in [0, 1] (1 = no adaptation)
 * @param lambda     balance factor or exponent, at least 0
 * @param mask       per adapted layer: 1 adapts it, 0 keeps it at its anchor; null adapts all
 * @param anchorMean per adapted layer the anchor mean [C]; null (or a null entry) = the source statistics
 * @param anchorVar  per adapted layer the anchor variance [C]; null (or a null entry) = the source statistics
 */
public record Adaptation(float tau, float lambda, float[] mask, float[][] anchorMean, float[][] anchorVar) {
    public Adaptation {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (mask != null) {
            for (float m : mask) {
                if (!(m >= 0 && m <= 1)) {
                    throw new IllegalArgumentException("mask values must be in [0, 1], got " + Arrays.toString(mask));
                }
            }
        }
    }

    /** Stateless LeanTTA on every compiled layer. */
    public static Adaptation of(float tau, float lambda) {
        return new Adaptation(tau, lambda, null, null, null);
    }

    /** The same knobs with other anchors. */
    public Adaptation withAnchors(float[][] mean, float[][] var) {
        return new Adaptation(tau, lambda, mask, mean, var);
    }

    /** The same knobs with another mask. */
    public Adaptation withMask(float[] newMask) {
        return new Adaptation(tau, lambda, newMask, anchorMean, anchorVar);
    }
}

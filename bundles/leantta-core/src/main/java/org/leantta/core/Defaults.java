package org.leantta.core;

import org.leantta.core.hybrid.HybridSettings;

/**
 * The shipped LeanTTA defaults, chosen on the validation split (training images held out from training),
 * never on the test split; {@code ./leantta tune} reproduces the choice (README, "Choosing the defaults").
 */
public final class Defaults {
    /** Balance rule. */
    public static final WeightRule RULE = WeightRule.CODE;
    /** Source weight of the stabilization step. */
    public static final float TAU = 0.85f;
    /** Balance factor (code rule) or exponent (paper rule). */
    public static final float LAMBDA = 0.9f;
    /** Which BatchNormalization layers are adapted (a layer selection). */
    public static final String LAYERS = "first:7";
    /** Hybrid: rate of the moving estimate of the environment's statistics. */
    public static final double HYBRID_MOMENTUM = 0.01;
    /** Hybrid: weight of the source statistics, in samples, when an estimate starts. */
    public static final double HYBRID_PRIOR = 2;
    /** Hybrid: smoothed divergence from the estimate above which it re-anchors (an abrupt change). */
    public static final double HYBRID_THRESHOLD = 0.06;
    /** Hybrid: smoothing rate of the change detector. */
    public static final double HYBRID_DETECTOR_RATE = 0.1;
    /** Hybrid: how much less confident than stateless LeanTTA the estimate may make predictions, on average. */
    public static final double HYBRID_MARGIN = 0.01;
    /** Hybrid: while the estimate is trusted, every this many samples are also run stateless, to compare. */
    public static final int HYBRID_PROBE_EVERY = 4;
    /** Hybrid: smoothing of the confidence comparison. */
    public static final double HYBRID_TRUST_RATE = 0.03;
    /** The bounded-state hybrid's knobs, together. */
    public static final HybridSettings HYBRID = new HybridSettings(HYBRID_MOMENTUM, HYBRID_PRIOR, HYBRID_THRESHOLD,
            HYBRID_DETECTOR_RATE, HYBRID_MARGIN, HYBRID_PROBE_EVERY, HYBRID_TRUST_RATE);

    private Defaults() {
    }
}

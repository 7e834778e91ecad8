package org.leantta.core;

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

    private Defaults() {
    }
}

package org.leantta.core;

import java.util.Locale;

/**
 * How LeanTTA weighs the source statistics against the stabilized sample statistics, given the divergence d.
 * Both rules are clamped to [0, 1]: beyond 1 the blend would extrapolate past the source statistics and the
 * blended variance could turn negative (code rule with lambda * d > 1).
 */
public enum WeightRule {
    /** The paper's rule: {@code w = d^lambda}. */
    PAPER("paper"),
    /** The authors' released code: {@code w = lambda * d}. */
    CODE("code");

    private final String id;

    WeightRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The source weight w for divergence d, clamped to [0, 1]. */
    public double weight(double d, double lambda) {
        double w = this == PAPER ? Math.pow(d, lambda) : lambda * d;
        return Math.min(1, Math.max(0, w));
    }

    /** Parses {@code paper} or {@code code} (case-insensitive). */
    public static WeightRule parse(String s) {
        for (WeightRule r : values()) {
            if (r.id.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown weight rule '" + s + "'; expected one of: paper, code");
    }
}

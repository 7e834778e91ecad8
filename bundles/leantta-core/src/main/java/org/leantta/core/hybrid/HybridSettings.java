package org.leantta.core.hybrid;

/**
 * Knobs of the bounded-state hybrid.
 *
 * @param momentum    rate of the moving estimate once warmed up (0.02: about the last 50 samples)
 * @param prior       weight of the source statistics, in samples, when an estimate starts: the first samples
 *                    after an anchor move it by 1/(n + prior) (a running mean) until that falls to the momentum
 * @param threshold   change detector: re-anchor when the smoothed divergence from the estimate exceeds this
 * @param detectorRate smoothing of the change detector (0.1: about the last 10 samples)
 */
public record HybridSettings(double momentum, double prior, double threshold, double detectorRate) {
    public HybridSettings {
        check(momentum > 0 && momentum <= 1, "momentum must be in (0, 1]", momentum);
        check(prior >= 1 && prior <= 1e6, "prior must be in [1, 1e6] samples", prior);
        check(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]", threshold);
        check(detectorRate > 0 && detectorRate <= 1, "detectorRate must be in (0, 1]", detectorRate);
    }

    private static void check(boolean ok, String what, double got) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", got " + got);
        }
    }

    /** For help texts and reports, e.g. "momentum 0.02, prior 2, change threshold 0.08, detector rate 0.1". */
    public String describe() {
        return "momentum " + momentum + ", prior " + prior + ", change threshold " + threshold + ", detector rate "
                + detectorRate;
    }

    /** Samples after an anchor before the estimate moves at the plain momentum (and may re-anchor again). */
    public long warmup() {
        return (long) Math.ceil(1 / momentum - prior);
    }
}

package org.leantta.core.hybrid;

/**
 * Knobs of the bounded-state hybrid.
 *
 * @param momentum    rate of the moving estimate once warmed up (0.01: about the last 100 samples)
 * @param prior       weight of the source statistics, in samples, when an estimate starts: the first samples
 *                    after an anchor move it by 1/(n + prior) (a running mean) until that falls to the momentum
 * @param threshold   change detector: re-anchor when the smoothed divergence from the estimate exceeds this
 * @param detectorRate smoothing of the change detector (0.1: about the last 10 samples)
 * @param margin      trust: the estimate serves predictions while they are on average at most this much less
 *                    confident (softmax probability of the predicted class) than stateless LeanTTA's
 * @param probeEvery  trust: while trusted, every this many samples also run stateless to compare
 * @param trustRate   trust: smoothing of the confidence comparison
 */
public record HybridSettings(double momentum, double prior, double threshold, double detectorRate, double margin,
                             int probeEvery, double trustRate) {
    public HybridSettings {
        check(momentum > 0 && momentum <= 1, "momentum must be in (0, 1]", momentum);
        check(prior >= 1 && prior <= 1e6, "prior must be in [1, 1e6] samples", prior);
        check(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]", threshold);
        check(detectorRate > 0 && detectorRate <= 1, "detectorRate must be in (0, 1]", detectorRate);
        check(margin >= 0 && margin <= 1, "margin must be in [0, 1]", margin);
        check(probeEvery >= 1 && probeEvery <= 1_000_000, "probeEvery must be in [1, 1000000]", probeEvery);
        check(trustRate > 0 && trustRate <= 1, "trustRate must be in (0, 1]", trustRate);
    }

    private static void check(boolean ok, String what, double got) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", got " + got);
        }
    }

    /** For help texts and reports, e.g. "momentum 0.02, prior 2, change threshold 0.08, detector rate 0.1". */
    public String describe() {
        return "momentum " + momentum + ", prior " + prior + ", change threshold " + threshold + ", detector rate "
                + detectorRate + ", trust margin " + margin + ", probe every " + probeEvery + ", trust rate "
                + trustRate;
    }

    /** These settings with other knobs of the estimate and the change detector; the trust knobs kept. */
    public HybridSettings withEstimate(double momentum, double prior, double threshold, double detectorRate) {
        return new HybridSettings(momentum, prior, threshold, detectorRate, margin, probeEvery, trustRate);
    }

    /** Samples after an anchor before the estimate moves at the plain momentum (and may re-anchor again). */
    public long warmup() {
        return (long) Math.ceil(1 / momentum - prior);
    }
}

package org.leantta.core.hybrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leantta.core.LayerStats;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;

/**
 * The bounded memory of the hybrid: per adapted layer one moving estimate of the target mean and variance
 * (two vectors, nothing else), started at the source statistics. Each sample moves it according to its
 * statistics and how far it is from the estimate; a sustained jump of that distance re-anchors it at the
 * source; {@link #reset()} does the same on request. Not thread-safe: one state follows one stream.
 */
public final class HybridState {
    private final HybridSettings settings;
    private final List<LayerStats> source;
    private final float[][] mean;
    private final float[][] var;
    private long samples;
    private long sinceAnchor;
    private double detector;
    private long anchors;
    private String lastCause = "start";
    private long lastAnchorSample;
    private double confidenceGap;
    private boolean trusted = true;
    private long distrusted;
    private double statelessShift = -1;

    public HybridState(List<LayerStats> source, HybridSettings settings) {
        this.settings = settings;
        this.source = List.copyOf(source);
        this.mean = new float[source.size()][];
        this.var = new float[source.size()][];
        anchor("start");
        anchors = 0;
    }

    /** Per layer the estimate's mean: the anchor the next sample is corrected against. Do not modify. */
    public float[][] anchorMean() {
        return mean;
    }

    /** Per layer the estimate's variance. Do not modify. */
    public float[][] anchorVar() {
        return var;
    }

    /** Back to the source statistics, as if the stream started now (the operator's reset). */
    public void reset() {
        anchor("reset");
    }

    private void anchor(String cause) {
        for (int l = 0; l < source.size(); l++) {
            mean[l] = source.get(l).mean().clone();
            var[l] = source.get(l).var().clone();
        }
        sinceAnchor = 0;
        detector = 0;
        confidenceGap = 0;
        trusted = true;
        anchors++;
        lastCause = cause;
        lastAnchorSample = samples;
    }

    /**
     * Learns from one sample.
     *
     * @param sampleMean  per layer the sample's channel means
     * @param sampleVar   per layer the sample's channel variances
     * @param divergence  the sample's LeanTTA divergence from the current estimate (mean over layers)
     * @return true if the sample re-anchored the estimate (an abrupt change of environment)
     */
    public boolean observe(float[][] sampleMean, float[][] sampleVar, double divergence) {
        samples++;
        if (!Double.isFinite(divergence) || !finite(sampleMean) || !finite(sampleVar)) {
            // one sample that overflowed must not turn the estimate, and every later answer, into NaN
            return false;
        }
        boolean reanchored = false;
        detector += settings.detectorRate() * (divergence - detector);
        if (sinceAnchor >= settings.warmup() && detector > settings.threshold()) {
            anchor(String.format("abrupt change: divergence from the estimate %.3f > %.3f", detector,
                    settings.threshold()));
            reanchored = true;
        }
        double rate = rate(divergence);
        for (int l = 0; l < mean.length; l++) {
            update(mean[l], var[l], sampleMean[l], sampleVar[l], rate);
        }
        sinceAnchor++;
        return reanchored;
    }

    private static boolean finite(float[][] perLayer) {
        for (float[] layer : perLayer) {
            for (float v : layer) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** 1/(n + prior) while warming up, then the momentum, scaled down for samples far from the estimate. */
    double rate(double divergence) {
        double running = 1 / (sinceAnchor + 1 + settings.prior());
        if (running > settings.momentum()) {
            return running;
        }
        return settings.momentum() * Math.min(1, settings.threshold() / Math.max(divergence, 1e-12));
    }

    /** Moving mean and variance of a mixture: the spread of the sample means counts into the variance. */
    static void update(float[] m, float[] v, float[] sampleMean, float[] sampleVar, double r) {
        if (sampleMean.length != m.length || sampleVar.length != m.length) {
            throw new IllegalArgumentException("sample statistics of " + sampleMean.length + " channels, the layer has "
                    + m.length);
        }
        for (int c = 0; c < m.length; c++) {
            double delta = sampleMean[c] - m[c];
            m[c] = (float) (m[c] + r * delta);
            v[c] = (float) ((1 - r) * (v[c] + r * delta * delta) + r * sampleVar[c]);
        }
    }

    /**
     * The sample's shift score against the source statistics, as the stateless method reports it: the mean
     * over layers of d = 1 - exp(-sum_c ((1-tau)(mu_t - mu_s))^2 / (var_s + 1e-6)).
     */
    public double sourceShift(float[][] sampleMean, double tau) {
        LeanTta reference = new LeanTta(tau, 0, WeightRule.CODE);
        double sum = 0;
        for (int l = 0; l < source.size(); l++) {
            double[] mean = new double[sampleMean[l].length];
            for (int c = 0; c < mean.length; c++) {
                mean[c] = sampleMean[l][c];
            }
            sum += reference.divergence(mean, source.get(l).mean(), source.get(l).var());
        }
        return source.isEmpty() ? 0 : sum / source.size();
    }

    /**
     * Whether predictions should use the estimate: false once it makes them, on average, less confident than
     * stateless LeanTTA by more than the margin (an environment whose statistics mislead, e.g. a zoomed-out
     * camera); the estimate keeps learning and is trusted again when the comparison turns.
     */
    public boolean trusted() {
        return trusted;
    }

    /** Whether this sample should also run stateless, to compare: every few samples, every sample when distrusted. */
    public boolean probeDue() {
        return !trusted || sinceAnchor % settings.probeEvery() == 0;
    }

    /** Records a comparison on one sample: the confidence with the estimate and with stateless LeanTTA. */
    public void compare(double withEstimate, double stateless) {
        if (!Double.isFinite(withEstimate) || !Double.isFinite(stateless)) {
            return; // a non-finite answer is refused downstream; it must not leave the gap NaN for good
        }
        confidenceGap += settings.trustRate() * ((withEstimate - stateless) - confidenceGap);
        // a warming-up estimate is still moving fast: judge it once it has settled
        boolean now = sinceAnchor < settings.warmup() || confidenceGap >= -settings.margin();
        if (trusted && !now) {
            distrusted++;
        }
        trusted = now;
    }

    /**
     * Records the stateless shift score of a trust check's sample (exact against the source statistics, whatever
     * the estimate), smoothed like the change detector: the drift of the stream itself, which the scores of the
     * runs with the estimate no longer show once it has learned a persistent shift.
     */
    public void observeStatelessShift(double shift) {
        statelessShift = statelessShift < 0 ? shift
                : statelessShift + settings.detectorRate() * (shift - statelessShift);
    }

    /** The smoothed stateless shift score of the trust check's samples, or -1 before the first. */
    public double statelessShift() {
        return statelessShift;
    }

    /** What an operator sees in a status reply. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("samplesSinceAnchor", sinceAnchor);
        m.put("anchors", anchors);
        m.put("lastAnchorCause", lastCause);
        m.put("lastAnchorAtSample", lastAnchorSample);
        m.put("changeDetector", detector);
        m.put("trusted", trusted);
        m.put("confidenceGap", confidenceGap);
        m.put("distrusted", distrusted);
        if (statelessShift >= 0) {
            m.put("statelessShift", statelessShift);
        }
        m.put("stateFloats", 2 * java.util.Arrays.stream(mean).mapToInt(a -> a.length).sum());
        return m;
    }

    public long samplesSinceAnchor() {
        return sinceAnchor;
    }

    public String lastAnchorCause() {
        return lastCause;
    }
}

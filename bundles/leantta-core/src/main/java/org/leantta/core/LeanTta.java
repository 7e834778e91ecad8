package org.leantta.core;

/**
 * Plain-Java reference implementation of LeanTTA for one BatchNormalization layer and one sample.
 *
 * <p>Steps (DESIGN 3): sample statistics, stabilization with the anchor (the source statistics unless a
 * caller supplies others), Mahalanobis divergence, balance by a {@link WeightRule}, normalization. Nothing
 * is kept between calls. The ONNX graph compiled by {@code LeanTtaCompiler} computes the same numbers.
 *
 * <p>The balance weight w is clamped to [0, 1], so the blended statistics always lie between the anchor's and
 * the stabilized sample's: with the code rule {@code w = lambda * d} and lambda above 1, an unclamped w above 1
 * would move the blended variance away from the sample's, past the anchor's and below zero for a sample whose
 * variance is well above the anchor's, and the normalization would return NaN.
 */
public final class LeanTta {
    /** Added to the anchor variance in the divergence. */
    public static final double DIVERGENCE_EPS = 1e-6;

    private final double tau;
    private final double lambda;
    private final WeightRule rule;

    /**
     * @param tau    weight of the source in the stabilization step, in [0, 1]; 1 disables adaptation
     * @param lambda exponent (paper rule) or factor (code rule) of the balance step, at least 0; the resulting
     *               weight is clamped to [0, 1]
     * @param rule   the balance rule
     */
    public LeanTta(double tau, double lambda, WeightRule rule) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        this.tau = tau;
        this.lambda = lambda;
        this.rule = rule;
    }

    /** Result of adapting one sample at one layer. */
    public record Result(float[] output, double divergence, float[] sampleMean, float[] sampleVar) {
    }

    /** Adapts one sample {@code x} of shape [C, spatial] against the layer's own source statistics. */
    public Result adapt(float[] x, LayerStats layer) {
        return adapt(x, layer, layer.mean(), layer.var(), true);
    }

    /**
     * Adapts one sample {@code x} of shape [C, spatial] against the given anchor statistics.
     *
     * @param enabled false leaves the layer at its anchor statistics (the divergence is still measured)
     */
    public Result adapt(float[] x, LayerStats layer, float[] anchorMean, float[] anchorVar, boolean enabled) {
        int c = layer.channels();
        if (x.length % c != 0 || x.length == 0) {
            throw new IllegalArgumentException("sample of " + x.length + " values is not [" + c + ", spatial]");
        }
        int spatial = x.length / c;
        double[] muT = new double[c];
        double[] varT = new double[c];
        sampleStatistics(x, c, spatial, muT, varT);
        double d = divergence(muT, anchorMean, anchorVar);
        double alpha = enabled ? (1 - rule.weight(d, lambda)) * (1 - tau) : 0;
        float[] y = new float[x.length];
        for (int ch = 0; ch < c; ch++) {
            // mu_new = w*mu_a + (1-w)*mu_b with mu_b = tau*mu_a + (1-tau)*mu_t, i.e. mu_a + alpha*(mu_t - mu_a)
            double muNew = anchorMean[ch] + alpha * (muT[ch] - anchorMean[ch]);
            double varNew = anchorVar[ch] + alpha * (varT[ch] - anchorVar[ch]);
            double scale = layer.gamma()[ch] / Math.sqrt(varNew + layer.epsilon());
            for (int s = 0; s < spatial; s++) {
                int i = ch * spatial + s;
                y[i] = (float) ((x[i] - muNew) * scale + layer.beta()[ch]);
            }
        }
        return new Result(y, d, toFloat(muT), toFloat(varT));
    }

    /** Step 1: per-channel mean and biased variance over the spatial axes. */
    static void sampleStatistics(float[] x, int c, int spatial, double[] mean, double[] var) {
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int s = 0; s < spatial; s++) {
                sum += x[ch * spatial + s];
            }
            double mu = sum / spatial;
            double sq = 0;
            for (int s = 0; s < spatial; s++) {
                double dx = x[ch * spatial + s] - mu;
                sq += dx * dx;
            }
            mean[ch] = mu;
            var[ch] = sq / spatial;
        }
    }

    /** Steps 2-3: d = 1 - exp(-m), m = sum_c (mu_b - mu_a)^2 / (var_a + 1e-6), mu_b - mu_a = (1-tau)(mu_t - mu_a). */
    public double divergence(double[] sampleMean, float[] anchorMean, float[] anchorVar) {
        double m = 0;
        for (int ch = 0; ch < sampleMean.length; ch++) {
            double diff = (1 - tau) * (sampleMean[ch] - anchorMean[ch]);
            m += diff * diff / (anchorVar[ch] + DIVERGENCE_EPS);
        }
        return 1 - Math.exp(-m);
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    public double tau() { return tau; }
    public double lambda() { return lambda; }
    public WeightRule rule() { return rule; }
}

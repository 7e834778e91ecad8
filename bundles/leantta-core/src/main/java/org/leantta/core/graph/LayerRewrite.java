package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import org.leantta.core.LayerStats;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;

/**
 * The LeanTTA subgraph replacing one BatchNormalization node. With the anchor a (the source statistics by
 * default) and alpha = mask * (1 - tau) * (1 - w):
 * <pre>
 *   mu_t, var_t  = mean and biased variance of x over the reduced axes          (step 1)
 *   m            = (1-tau)^2 * sum_c (mu_t - mu_a)^2 / (var_a + 1e-6), d = 1 - exp(-m)   (steps 2-3)
 *   w            = clip(lambda * d  or  d ^ lambda, 0, 1)                       (step 4)
 *   mu_new       = mu_a + alpha (mu_t - mu_a),  var_new = var_a + alpha (var_t - var_a)
 *   y            = x * s + (beta - mu_new * s),  s = gamma / sqrt(var_new + eps)  (step 5)
 * </pre>
 * which is w*mu_a + (1-w)*(tau*mu_a + (1-tau)*mu_t) written with fewer ops. The clip keeps the blended
 * statistics between the anchor's and the sample's; without it the code rule with lambda * d > 1 can make
 * var_new negative and the output NaN (as {@link LeanTta} documents).
 */
final class LayerRewrite {
    private final Emitter emit;
    private final AdaptedLayer layer;
    private final WeightRule rule;
    private final Statistics statistics;
    private final String p;
    private final long spatialSize;

    /** @param spatialSize elements per channel of one sample if static, else -1 */
    LayerRewrite(Emitter emit, AdaptedLayer layer, WeightRule rule, Statistics statistics, long spatialSize) {
        this.spatialSize = spatialSize;
        this.emit = emit;
        this.layer = layer;
        this.rule = rule;
        this.statistics = statistics;
        this.p = "leantta/l" + layer.index() + "/";
    }

    void emit(String alphaMax, GraphProto.Builder graph) {
        LayerStats s = layer.stats();
        long[] shape = layer.anchorShape();
        int l = layer.index();
        LeanTtaCompiler.addInput(graph, GraphNames.anchorMean(l), s.mean(), shape);
        LeanTtaCompiler.addInput(graph, GraphNames.anchorVar(l), s.var(), shape);
        String gamma = emit.tensor(p + "gamma", s.gamma(), shape);
        String beta = emit.tensor(p + "beta", s.beta(), shape);
        String x = layer.inputName();
        String muA = GraphNames.anchorMean(l);
        String varA = GraphNames.anchorVar(l);

        String muT = emit.reduce("ReduceMean", GraphNames.sampleMean(l), x, axes());
        String varT = variance(x, muT, l);
        String dMu = emit.op("Sub", p + "mean_diff", muT, muA);
        String q = emit.op("Div", p + "mahalanobis_terms", emit.op("Mul", p + "mean_diff_sq", dMu, dMu),
                emit.op("Add", p + "anchor_var_eps", varA, emit.constant((float) LeanTta.DIVERGENCE_EPS)));
        String m = emit.reduce("ReduceSum", p + "mahalanobis", q, 1);
        String e = emit.op("Exp", p + "exp_neg_m", emit.op("Mul", p + "neg_m", m, Emitter.NEG_OMT2));
        String d = emit.op("Sub", GraphNames.divergence(l), emit.constant(1f), e);
        String rawW = rule == WeightRule.CODE ? emit.op("Mul", p + "w_rule", d, GraphNames.LAMBDA)
                : emit.op("Pow", p + "w_rule", d, GraphNames.LAMBDA);
        String w = emit.clip(p + "w", rawW, 0f, 1f);
        String alpha = emit.op("Mul", p + "alpha", emit.op("Sub", p + "one_minus_w", emit.constant(1f), w), alphaMax);
        String muNew = emit.op("Add", p + "mean_new", muA, emit.op("Mul", p + "mean_step", alpha, dMu));
        String varNew = emit.op("Add", p + "var_new", varA,
                emit.op("Mul", p + "var_step", alpha, emit.op("Sub", p + "var_diff", varT, varA)));
        String sd = emit.op("Sqrt", p + "std", emit.op("Add", p + "var_eps", varNew, emit.constant(s.epsilon())));
        String scale = emit.op("Div", p + "scale", gamma, sd);
        String shift = emit.op("Sub", p + "shift", beta, emit.op("Mul", p + "mean_scaled", muNew, scale));
        emit.opTo("Add", p + "y", layer.outputName(), emit.op("Mul", p + "x_scaled", x, scale), shift);
        graph.addOutput(Onnx.floatOutput(d));
        graph.addOutput(Onnx.floatOutput(muT));
        graph.addOutput(Onnx.floatOutput(varT));
    }

    /**
     * Step 1's biased variance. With a static spatial size it is E[x^2] - mu^2 from one fused
     * ReduceSumSquare pass over x; otherwise the two-pass mean of (x - mu)^2.
     */
    private String variance(String x, String muT, int l) {
        if (statistics == Statistics.SAMPLE && spatialSize > 0) {
            String ss = emit.reduce("ReduceSumSquare", p + "sum_sq", x, axes());
            String ex2 = emit.op("Mul", p + "mean_sq", ss, emit.constant(1f / spatialSize));
            return emit.op("Sub", GraphNames.sampleVar(l), ex2, emit.op("Mul", p + "mean_squared", muT, muT));
        }
        String xc = emit.op("Sub", p + "centered", x, muT);
        return emit.reduce("ReduceMean", GraphNames.sampleVar(l), emit.op("Mul", p + "centered_sq", xc, xc), axes());
    }

    /** The reduced axes: spatial (per sample) or batch and spatial (per batch). */
    private long[] axes() {
        boolean batch = statistics == Statistics.BATCH;
        long[] axes = new long[layer.rank() - 2 + (batch ? 1 : 0)];
        int k = 0;
        if (batch) {
            axes[k++] = 0;
        }
        for (int a = 2; a < layer.rank(); a++) {
            axes[k++] = a;
        }
        return axes;
    }
}

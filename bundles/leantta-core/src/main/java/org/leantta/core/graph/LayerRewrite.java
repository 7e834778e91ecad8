package org.leantta.core.graph;

import java.util.List;
import org.leantta.core.LayerStats;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;

/**
 * The LeanTTA subgraph replacing one BatchNormalization node. With the anchor (the source statistics by
 * default) mu_a, var_a and alpha = mask * (1 - tau) * (1 - clip(w, 0, 1)):
 * <pre>
 *   mu_t, var_t = mean and biased variance E[x^2] - mu_t^2 of x over the reduced axes     (step 1)
 *   m           = sum_c (k * (mu_t - mu_a))^2, k = (1 - tau) / sqrt(var_a + 1e-6)          (steps 2-3)
 *   d           = 1 - exp(-m),  w = lambda * d  or  d ^ lambda                            (step 4)
 *   mu_new      = mu_a + alpha (mu_t - mu_a),  var_new = var_a + alpha (var_t - var_a)
 *   y           = BatchNormalization(x; gamma, beta, mu_new, var_new)                     (step 5)
 * </pre>
 * which is w*mu_a + (1-w)*(tau*mu_a + (1-tau)*mu_t) written with fewer ops; k and the other terms of the knobs
 * alone are folded by the runtime when the knobs are constants. The clip keeps the blended statistics between
 * the anchor's and the sample's (the code rule with lambda * d > 1 would make var_new negative). With
 * per-sample statistics of a batch, step 5 is x * s + (beta - mu_new * s), s = gamma / sqrt(var_new + eps),
 * since BatchNormalization shares its statistics over the batch.
 *
 * <p>When the layer's input is x = s + b with a constant b ({@link InputShift}), the subgraph reads s: its
 * variance is x's, and its mean is compared with mu_a - b and normalized with mu_new - b.
 */
final class LayerRewrite {
    /** exp(-1): d = 1 - exp(-1)^m is one Pow instead of a Neg and an Exp. */
    private static final float INV_E = (float) Math.exp(-1);

    private final Emitter emit;
    private final AdaptedLayer layer;
    private final WeightRule rule;
    private final Layout layout;
    private final InputShift shift;
    private final String p;

    /** The tensors of one layer the compiler collects into the graph's outputs. */
    record Result(String divergence, String mean, String var) {
    }

    /** @param shift the constant added in front of the layer, to fold in, or null */
    LayerRewrite(Emitter emit, AdaptedLayer layer, WeightRule rule, Layout layout, InputShift shift) {
        this.emit = emit;
        this.layer = layer;
        this.rule = rule;
        this.layout = layout;
        this.shift = shift;
        this.p = "leantta/l" + layer.index() + "/";
    }

    Result emit(KnobTerms knobs) {
        int l = layer.index();
        String t = shift == null ? layer.inputName() : shift.input();
        long[] axes = layout.statisticsAxes();
        boolean keep = !layout.channel();
        String muName = shift == null ? GraphNames.sampleMean(l) : p + "s_mean";
        String mu = emit.reduce("ReduceMean", muName, keep, t, axes);
        String ex2 = emit.reduce("ReduceMean", p + "mean_sq", keep, emit.op("Mul", p + "sq", t, t), axes);
        String varT = emit.op("Sub", GraphNames.sampleVar(l), ex2,
                emit.op("Mul", p + "mean_squared", mu, mu));
        Anchor a = anchor(knobs);
        String e = emit.op("Sub", p + "mean_diff", mu, a.mean);
        String d = divergence(e, a.k);
        String alpha = alpha(d, knobs.floor.get(l), knobs.slope.get(l));
        String mean = emit.op("Add", p + "mean_new", a.mean, emit.op("Mul", p + "mean_step", alpha, e));
        String var = emit.op("Add", p + "var_new", a.varTail,
                emit.op("Mul", p + "var_step", alpha, emit.op("Sub", p + "var_diff", varT, a.var)));
        normalize(t, mean, var);
        String sampleMean = shift == null ? mu
                : emit.op("Add", GraphNames.sampleMean(l), mu, vector("input_shift", shift.shift()));
        return new Result(d, sampleMean, varT);
    }

    /**
     * The anchor terms: its mean (in the units of the tensor read), its variance, the variance that goes into the
     * normalization (eps folded in where step 5 is not a BatchNormalization) and the divergence's k.
     */
    private record Anchor(String mean, String var, String varTail, String k) {
    }

    private Anchor anchor(KnobTerms knobs) {
        String muA = knobs.anchorMean.get(layer.index());
        String varA = knobs.anchorVar.get(layer.index());
        String sd = emit.op("Sqrt", p + "anchor_sd", emit.op("Add", p + "anchor_var_eps", varA,
                emit.constant((float) LeanTta.DIVERGENCE_EPS)));
        String k = emit.op("Div", p + "k", knobs.oneMinusTau, sd);
        String tail = layout.channel() ? varA
                : emit.op("Add", p + "anchor_var_tail", varA, emit.constant(layer.stats().epsilon()));
        String mean = shift == null ? muA
                : emit.op("Sub", p + "anchor_mean_s", muA, vector("input_shift", shift.shift()));
        return new Anchor(mean, varA, tail, k);
    }

    /** d = 1 - exp(-m), m = sum_c (k * e)^2. */
    private String divergence(String e, String k) {
        String m = emit.reduce("ReduceSumSquare", p + "mahalanobis", true, emit.op("Mul", p + "scaled_diff", e, k),
                layout.channelAxis());
        String decay = emit.op("Pow", p + "exp_neg_m", emit.constant(INV_E), m);
        return emit.op("Sub", GraphNames.divergence(layer.index()), emit.constant(1f), decay);
    }

    /** alpha = floor + slope * g(d), clipped at 0 for the code rule (see {@link KnobTerms}). */
    private String alpha(String d, String floor, String slope) {
        String g = rule == WeightRule.CODE ? d : emit.op("Pow", p + "w", d, GraphNames.LAMBDA);
        String raw = emit.op("Add", p + "alpha_raw", emit.op("Mul", p + "alpha_step", g, slope), floor);
        return rule == WeightRule.CODE ? emit.op("Relu", p + "alpha", raw) : raw;
    }

    /** Step 5 into the layer's output tensor. */
    private void normalize(String t, String mean, String var) {
        LayerStats s = layer.stats();
        String g = vector("gamma", s.gamma());
        String beta = vector("beta", s.beta());
        if (layout.channel()) {
            emit.opTo("BatchNormalization", p + "y", layer.outputName(), List.of(Onnx.floatAttr("epsilon",
                    s.epsilon())), t, g, beta, mean, var);
            return;
        }
        String scale = emit.op("Div", p + "scale", g, emit.op("Sqrt", p + "std", var));
        String offset = emit.op("Sub", p + "offset", beta, emit.op("Mul", p + "mean_scaled", mean, scale));
        emit.opTo("Add", p + "y", layer.outputName(), List.of(), emit.op("Mul", p + "x_scaled", t, scale), offset);
    }

    /** A per-channel constant of this layer in the layout's vector shape (made once per name). */
    private String vector(String name, float[] values) {
        String full = p + name;
        if (!emit.has(full)) {
            emit.tensor(full, values, layout.vectorDims(values.length));
        }
        return full;
    }
}

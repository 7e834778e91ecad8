package org.leantta.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.leantta.core.LayerStats;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.GraphNames;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Statistics;

/** The compiled LeanTTA graph against the plain-Java reference, on random tensors through tiny models. */
class CompiledGraphTest {

    @ParameterizedTest
    @CsvSource({
        "nchw, 13, code, 0.9, 0.9",
        "nchw, 13, paper, 0.9, 0.9",
        "nchw, 18, code, 0.5, 0.3",
        "nchw, 18, paper, 0.0, 2.0",
        "ncl, 13, code, 0.2, 0.9",
        "ncl, 17, paper, 0.7, 0.5",
        "nchw, 13, code, 0.5, 20",
        "ncl, 10, code, 0.2, 20",
    })
    void compiledGraphAgreesWithReference(String layout, long opset, String rule, float tau, float lambda)
            throws Exception {
        ModelProto source = layout.equals("nchw") ? TinyModels.nchw(7, opset) : TinyModels.ncl(7, opset);
        LeanTtaCompiler compiler = new LeanTtaCompiler(WeightRule.parse(rule), LayerSelection.all(),
                Statistics.SAMPLE, true);
        agreesWithReference(compiler.compile(source), 3, tau, lambda);
    }

    /** The same for graphs compiled for one sample per run, which normalize with a BatchNormalization op. */
    @ParameterizedTest
    @CsvSource({
        "nchw, 13, code, 0.9, 0.9",
        "nchw, 18, paper, 0.0, 2.0",
        "ncl, 10, code, 0.2, 20",
        "ncl, 17, paper, 0.7, 0.5",
    })
    void singleSampleGraphAgreesWithReference(String layout, long opset, String rule, float tau, float lambda)
            throws Exception {
        ModelProto source = layout.equals("nchw") ? TinyModels.nchw(7, opset) : TinyModels.ncl(7, opset);
        LeanTtaCompiler compiler = new LeanTtaCompiler(WeightRule.parse(rule), LayerSelection.all(),
                Statistics.SAMPLE, true).singleSample();
        agreesWithReference(compiler.compile(source), 1, tau, lambda);
    }

    /** Every exposed tensor of every layer and sample against the reference, with one anchor and one mask changed. */
    private static void agreesWithReference(CompiledModel compiled, int batch, float tau, float lambda)
            throws Exception {
        List<AdaptedLayer> layers = compiled.layers();
        float[] mask = new float[layers.size()];
        Arrays.fill(mask, 1f);
        mask[mask.length - 1] = layers.size() > 1 ? 0f : 1f;
        float[][] anchorMean = new float[layers.size()][];
        float[][] anchorVar = new float[layers.size()][];
        anchorMean[0] = TinyModels.random(new Random(3), layers.get(0).channels(), 0.3f);
        anchorVar[0] = layers.get(0).stats().var().clone();
        anchorVar[0][0] *= 1.7f;
        Adaptation knobs = new Adaptation(tau, lambda, mask, anchorMean, anchorVar);
        try (LeanTtaSession session = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = shiftedInput(new Random(11), batch, session.sampleSize());
            List<String> names = new ArrayList<>();
            for (AdaptedLayer l : layers) {
                names.addAll(List.of(l.inputName(), l.outputName(), GraphNames.divergence(l.index()),
                        GraphNames.sampleMean(l.index()), GraphNames.sampleVar(l.index())));
            }
            List<float[]> got = session.runTensors(x, batch, knobs, names);
            LeanTta reference = new LeanTta(tau, lambda, compiled.rule());
            for (AdaptedLayer l : layers) {
                int k = 5 * l.index();
                float[] ma = anchorMean[l.index()] != null ? anchorMean[l.index()] : l.stats().mean();
                float[] va = anchorVar[l.index()] != null ? anchorVar[l.index()] : l.stats().var();
                for (int i = 0; i < batch; i++) {
                    LeanTta.Result want = reference.adapt(sample(got.get(k), batch, i), l.stats(), ma, va,
                            mask[l.index()] > 0);
                    assertClose(sample(got.get(k + 1), batch, i), want.output(), 1e-4);
                    assertThat(got.get(k + 2)[i]).isCloseTo((float) want.divergence(), within(1e-4f));
                    assertClose(sample(got.get(k + 3), batch, i), want.sampleMean(), 1e-4);
                    assertClose(sample(got.get(k + 4), batch, i), want.sampleVar(), 1e-4);
                }
            }
            assertThat(got.get(2)[0]).as("the shifted input must give a non-trivial divergence").isBetween(0.01f, 0.999f);
        }
    }

    /**
     * Code rule, lambda 20: the inputs drive lambda * d above 1 where the unclamped blend makes the variance
     * negative (NaN logits); the graph clamps w as the reference does, at opsets with Clip's bounds as attributes
     * (before 11) and as inputs.
     */
    @ParameterizedTest
    @CsvSource({"10", "13", "18"})
    void codeRuleWithLambdaAboveOneGivesFiniteLogitsEqualToTheReference(long opset) throws Exception {
        float tau = 0.2f;
        float lambda = 20f;
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all(), Statistics.SAMPLE, true)
                .compile(TinyModels.ncl(5, opset));
        AdaptedLayer l = compiled.layers().get(0);
        int batch = 8;
        try (LeanTtaSession session = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = shiftedInput(new Random(4), batch, session.sampleSize());
            List<float[]> got = session.runTensors(x, batch, Adaptation.of(tau, lambda),
                    List.of("Y", GraphNames.divergence(0), GraphNames.sampleVar(0)));
            int wouldBeNaN = 0;
            LeanTta reference = new LeanTta(tau, lambda, WeightRule.CODE);
            for (int i = 0; i < batch; i++) {
                float[] logits = sample(got.get(0), batch, i);
                for (float v : logits) {
                    assertThat(Float.isFinite(v)).as("sample %d: finite scores, got %s", i, Arrays.toString(logits))
                            .isTrue();
                }
                assertClose(logits, reference.adapt(sample(x, batch, i), l.stats()).output(), 1e-4);
                wouldBeNaN += unclampedVarianceIsNegative(l.stats(), tau, lambda * got.get(1)[i],
                        sample(got.get(2), batch, i)) ? 1 : 0;
            }
            assertThat(wouldBeNaN).as("samples whose unclamped variance would be negative").isPositive();
        }
    }

    private static boolean unclampedVarianceIsNegative(LayerStats s, float tau, float rawW, float[] sampleVar) {
        for (int c = 0; c < s.channels(); c++) {
            double var = s.var()[c] + (1 - rawW) * (1 - tau) * (sampleVar[c] - s.var()[c]);
            if (var + s.epsilon() < 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tauOneReproducesTheOriginalModel() throws Exception {
        ModelProto source = TinyModels.nchw(5, 13);
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(source);
        try (LeanTtaSession plain = LeanTtaSession.plain(source.toByteArray(), SessionSettings.defaults());
             LeanTtaSession adapted = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = shiftedInput(new Random(1), 4, plain.sampleSize());
            float[] want = plain.run(x, 4).logits();
            float[] same = adapted.run(x, 4, Adaptation.of(1f, 0.9f)).logits();
            float[] moved = adapted.run(x, 4, Adaptation.of(0.5f, 0.9f)).logits();
            assertClose(same, want, 1e-5);
            assertThat(maxAbsDiff(moved, want)).as("tau < 1 must change the output").isGreaterThan(1e-3);
        }
    }

    @Test
    void eachSampleOfABatchEqualsThatSampleRunAlone() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.PAPER, LayerSelection.all())
                .compile(TinyModels.nchw(9, 13));
        int batch = 5;
        try (LeanTtaSession session = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = shiftedInput(new Random(2), batch, session.sampleSize());
            Output all = session.run(x, batch, Adaptation.of(0.3f, 0.9f));
            for (int i = 0; i < batch; i++) {
                Output alone = session.run(sample(x, batch, i), 1, Adaptation.of(0.3f, 0.9f));
                assertClose(alone.logits(), sample(all.logits(), batch, i), 1e-6);
                assertThat(alone.divergence()[0][0]).isCloseTo(all.divergence()[0][i], within(1e-6f));
            }
        }
    }

    @Test
    void batchStatisticsNormalizeOverTheWholeBatch() throws Exception {
        ModelProto source = TinyModels.ncl(4, 13);
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all(), Statistics.BATCH, false)
                .compile(source);
        try (LeanTtaSession session = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = shiftedInput(new Random(8), 6, session.sampleSize());
            Output out = session.run(x, 6, Adaptation.of(0f, 0f));
            LayerStats s = compiled.layers().get(0).stats();
            for (int c = 0; c < 2; c++) {
                double sum = 0;
                double sq = 0;
                for (int i = 0; i < 6; i++) {
                    for (int t = 0; t < 7; t++) {
                        sum += x[i * 14 + c * 7 + t];
                    }
                }
                double mean = sum / 42;
                for (int i = 0; i < 6; i++) {
                    for (int t = 0; t < 7; t++) {
                        double dx = x[i * 14 + c * 7 + t] - mean;
                        sq += dx * dx;
                    }
                }
                double scale = s.gamma()[c] / Math.sqrt(sq / 42 + s.epsilon());
                for (int i = 0; i < 6; i++) {
                    for (int t = 0; t < 7; t++) {
                        int k = i * 14 + c * 7 + t;
                        // tau = 0, w = 0: plain batch normalization with the statistics of all six samples
                        assertThat((double) out.logits()[k]).isCloseTo((x[k] - mean) * scale + s.beta()[c], within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void aModelWithoutBatchNormGetsAClearError() {
        assertThatThrownBy(() -> new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all())
                .compile(TinyModels.withoutBatchNorm()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no BatchNormalization node")
                .hasMessageContaining("TrainingMode.PRESERVE");
    }

    @Test
    void unknownLayersInTheSelectionAreNamed() {
        assertThatThrownBy(() -> new LeanTtaCompiler(WeightRule.CODE, LayerSelection.parse("bn0,bn7"))
                .compile(TinyModels.nchw(1, 13)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown layer 'bn7'")
                .hasMessageContaining("1=bn1");
    }

    @Test
    void wrongInputSizeIsRejected() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(TinyModels.ncl(1, 13));
        try (LeanTtaSession session = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            assertThatThrownBy(() -> session.run(new float[13], 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1 x 14 = 14");
        }
    }

    /** Inputs far from the layers' statistics (scaled and offset per sample). */
    static float[] shiftedInput(Random r, int batch, int size) {
        float[] x = new float[batch * size];
        for (int i = 0; i < batch; i++) {
            double gain = 0.5 + r.nextDouble() * 2;
            double offset = r.nextGaussian() * 0.7;
            for (int k = 0; k < size; k++) {
                x[i * size + k] = (float) (r.nextGaussian() * gain + offset);
            }
        }
        return x;
    }

    static float[] sample(float[] all, int batch, int i) {
        int n = all.length / batch;
        return Arrays.copyOfRange(all, i * n, (i + 1) * n);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static void assertClose(float[] got, float[] want, double tol) {
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < got.length; i++) {
            double t = tol * Math.max(1, Math.abs(want[i]));
            assertThat((double) got[i]).as("element %d", i).isCloseTo(want[i], within(t));
        }
    }
}

package org.leantta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The reference implementation against numbers worked out by hand. */
class LeanTtaTest {
    // one channel, source mean 0, var 1, identity affine, eps 0
    private final LayerStats layer = new LayerStats("bn", new float[] {0f}, new float[] {1f}, new float[] {1f},
            new float[] {0f}, 0f);
    // a sample with mean 2 and biased variance 4: values 0 and 4
    private final float[] x = {0f, 4f};

    @Test
    void codeRuleByHand() {
        LeanTta.Result r = new LeanTta(0.5, 0.9, WeightRule.CODE).adapt(x, layer);
        // mu_b = 0.5*0 + 0.5*2 = 1, var_b = 0.5*1 + 0.5*4 = 2.5
        // m = (1-0)^2 / (1 + 1e-6), d = 1 - exp(-m)
        double d = 1 - Math.exp(-1 / (1 + 1e-6));
        assertThat(r.divergence()).isCloseTo(d, within(1e-9));
        double w = 0.9 * d;
        double mu = (1 - w) * 1;
        double var = w * 1 + (1 - w) * 2.5;
        assertThat((double) r.output()[0]).isCloseTo((0 - mu) / Math.sqrt(var), within(1e-6));
        assertThat((double) r.output()[1]).isCloseTo((4 - mu) / Math.sqrt(var), within(1e-6));
        assertThat(r.sampleMean()[0]).isEqualTo(2f);
        assertThat(r.sampleVar()[0]).isEqualTo(4f);
    }

    @Test
    void paperRuleByHand() {
        LeanTta.Result r = new LeanTta(0.5, 2, WeightRule.PAPER).adapt(x, layer);
        double d = 1 - Math.exp(-1 / (1 + 1e-6));
        double w = d * d;
        double mu = (1 - w) * 1;
        double var = w + (1 - w) * 2.5;
        assertThat((double) r.output()[1]).isCloseTo((4 - mu) / Math.sqrt(var), within(1e-6));
    }

    @Test
    void unclampedCodeRuleAboveOneWouldMakeTheVarianceNegative() {
        double tau = 0.5;
        double lambda = 20;
        double d = new LeanTta(tau, lambda, WeightRule.CODE).divergence(new double[] {2}, layer.mean(), layer.var());
        double rawW = lambda * d;
        assertThat(rawW).as("lambda * d").isGreaterThan(1);
        // the blend of DESIGN step 4 with w above 1: var = w*var_s + (1-w)*(tau*var_s + (1-tau)*var_t)
        double var = rawW * 1 + (1 - rawW) * (tau * 1 + (1 - tau) * 4);
        assertThat(var).isNegative();
        assertThat(Math.sqrt(var + layer.epsilon())).isNaN();
    }

    @Test
    void codeRuleAboveOneIsClampedToTheSourceStatistics() {
        LeanTta.Result r = new LeanTta(0.5, 20, WeightRule.CODE).adapt(x, layer);
        // w = min(1, 20 * d) = 1: the layer normalizes with the source statistics (mean 0, var 1)
        assertThat(r.output()).containsExactly(0f, 4f);
        assertThat(r.divergence()).isGreaterThan(1 / 20.0);
    }

    @Test
    void theWeightIsClampedToZeroOneForBothRules() {
        assertThat(WeightRule.CODE.weight(0.3, 0.9)).isCloseTo(0.27, within(1e-12));
        assertThat(WeightRule.CODE.weight(0.3, 5)).isEqualTo(1);
        assertThat(WeightRule.CODE.weight(0.99, 100)).isEqualTo(1);
        assertThat(WeightRule.PAPER.weight(0.5, 2)).isCloseTo(0.25, within(1e-12));
        assertThat(WeightRule.PAPER.weight(0, 0)).isEqualTo(1);
        assertThat(WeightRule.PAPER.weight(0.5, 0.001)).isBetween(0.99, 1.0);
    }

    @Test
    void tauOneIsTheSourceNormalization() {
        LeanTta.Result r = new LeanTta(1, 0.9, WeightRule.CODE).adapt(x, layer);
        assertThat(r.divergence()).isZero();
        assertThat(r.output()).containsExactly(0f, 4f);
    }

    @Test
    void tauZeroLambdaZeroIsPureSampleStatistics() {
        LeanTta.Result r = new LeanTta(0, 0, WeightRule.CODE).adapt(x, layer);
        assertThat((double) r.output()[0]).isCloseTo(-1, within(1e-6));
        assertThat((double) r.output()[1]).isCloseTo(1, within(1e-6));
    }

    @Test
    void aDisabledLayerStaysAtItsAnchorButStillMeasures() {
        LeanTta.Result r = new LeanTta(0.5, 0.9, WeightRule.CODE).adapt(x, layer, new float[] {0f},
                new float[] {1f}, false);
        assertThat(r.output()).containsExactly(0f, 4f);
        assertThat(r.divergence()).isGreaterThan(0.5);
    }

    @Test
    void outOfRangeKnobsAreRejected() {
        assertThatThrownBy(() -> new LeanTta(1.5, 0.9, WeightRule.CODE)).hasMessageContaining("tau must be in [0, 1]");
        assertThatThrownBy(() -> new LeanTta(0.9, Double.NaN, WeightRule.CODE)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> WeightRule.parse("tent")).hasMessageContaining("expected one of: paper, code");
    }

    @Test
    void aSampleThatIsNotAWholeNumberOfChannelsIsRejected() {
        LayerStats two = new LayerStats("bn", new float[2], new float[] {1, 1}, new float[] {1, 1}, new float[2], 0);
        assertThatThrownBy(() -> new LeanTta(0.9, 0.9, WeightRule.CODE).adapt(new float[3], two))
                .hasMessageContaining("is not [2, spatial]");
    }
}

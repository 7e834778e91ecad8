package org.leantta.core.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.leantta.core.Defaults;
import org.leantta.core.LayerStats;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;
import org.junit.jupiter.api.Test;

class HybridStateTest {
    private static final LayerStats LAYER = new LayerStats("bn", new float[] {0f, 1f}, new float[] {1f, 4f},
            new float[] {1f, 1f}, new float[] {0f, 0f}, 1e-5f);
    private static final HybridSettings SETTINGS = Defaults.HYBRID.withEstimate(0.1, 2, 0.5, 0.5);

    private static float[][] one(float a, float b) {
        return new float[][] {{a, b}};
    }

    @Test
    void startsAtTheSourceStatistics() {
        HybridState s = new HybridState(List.of(LAYER), SETTINGS);
        assertThat(s.anchorMean()[0]).containsExactly(0f, 1f);
        assertThat(s.anchorVar()[0]).containsExactly(1f, 4f);
        assertThat(s.anchorMean()[0]).isNotSameAs(LAYER.mean());
    }

    @Test
    void warmsUpAsARunningMeanWithTheSourceAsPriorThenMovesAtTheMomentum() {
        HybridState s = new HybridState(List.of(LAYER), SETTINGS);
        // first sample: rate 1/(1+2) = 1/3; mean 0 -> 0 + (3-0)/3 = 1; var = (2/3)*(1 + (1/3)*9) + (1/3)*2 = 10/3
        s.observe(one(3f, 1f), one(2f, 4f), 0.0);
        assertThat(s.anchorMean()[0][0]).isCloseTo(1f, within(1e-6f));
        assertThat(s.anchorVar()[0][0]).isCloseTo(10f / 3, within(1e-5f));
        assertThat(s.anchorMean()[0][1]).isCloseTo(1f, within(1e-6f));
        assertThat(s.anchorVar()[0][1]).isCloseTo(4f, within(1e-6f));
        // rates 1/4, 1/5, ... until 1/(n+2) falls to the momentum 0.1 (n = 8), then 0.1
        assertThat(s.rate(0.0)).isCloseTo(0.25, within(1e-12));
        for (int i = 0; i < 7; i++) {
            s.observe(one(3f, 1f), one(2f, 4f), 0.0);
        }
        assertThat(s.rate(0.0)).isCloseTo(0.1, within(1e-12));
        assertThat(SETTINGS.warmup()).isEqualTo(8);
    }

    @Test
    void aSampleWithNonFiniteStatisticsIsNotLearnedFrom() {
        HybridState s = new HybridState(List.of(LAYER), SETTINGS);
        s.observe(one(3f, 1f), one(2f, 4f), 0.0);
        float[] mean = s.anchorMean()[0].clone();
        float[] var = s.anchorVar()[0].clone();

        assertThat(s.observe(one(Float.NaN, 1f), one(2f, 4f), 0.0)).isFalse();
        assertThat(s.observe(one(3f, 1f), one(2f, Float.POSITIVE_INFINITY), 0.0)).isFalse();
        assertThat(s.observe(one(3f, 1f), one(2f, 4f), Double.NaN)).isFalse();

        assertThat(s.anchorMean()[0]).containsExactly(mean);
        assertThat(s.anchorVar()[0]).containsExactly(var);
        assertThat(s.rate(0.0)).as("still the second sample's warm-up rate").isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aSampleFarFromTheEstimateMovesItLess() {
        HybridState s = new HybridState(List.of(LAYER), SETTINGS);
        for (int i = 0; i < 10; i++) {
            s.observe(one(0f, 1f), one(1f, 4f), 0.0);
        }
        assertThat(s.rate(0.25)).isCloseTo(0.1, within(1e-12));
        assertThat(s.rate(1.0)).isCloseTo(0.1 * 0.5, within(1e-12));
    }

    @Test
    void theEstimateConvergesToTheStreamsMixtureStatistics() {
        HybridState s = new HybridState(List.of(LAYER), Defaults.HYBRID.withEstimate(0.01, 1, 0.99, 0.1));
        // samples alternate between channel-0 means 4 and 6 with within-sample variance 1:
        // the stream's mean is 5 and its variance 1 + 1 (the spread of the sample means)
        for (int i = 0; i < 4000; i++) {
            float m = i % 2 == 0 ? 4f : 6f;
            s.observe(one(m, 1f), one(1f, 4f), 0.0);
        }
        assertThat(s.anchorMean()[0][0]).isCloseTo(5f, within(0.05f));
        assertThat(s.anchorVar()[0][0]).isCloseTo(2f, within(0.1f));
    }

    @Test
    void aSustainedJumpReanchorsAtTheSourceButNotDuringWarmUp() {
        HybridState s = new HybridState(List.of(LAYER), SETTINGS);
        for (int i = 0; i < 7; i++) {
            assertThat(s.observe(one(3f, 1f), one(2f, 4f), 0.9)).as("warm-up sample " + i).isFalse();
        }
        boolean reanchored = false;
        for (int i = 0; i < 3 && !reanchored; i++) {
            reanchored = s.observe(one(3f, 1f), one(2f, 4f), 0.9);
        }
        assertThat(reanchored).isTrue();
        assertThat(s.lastAnchorCause()).startsWith("abrupt change");
        assertThat(s.samplesSinceAnchor()).isEqualTo(1);
        // the re-anchoring sample itself is the first of the new estimate: rate 1/3 from the source
        assertThat(s.anchorMean()[0][0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void aSingleOutlierDoesNotReanchor() {
        HybridState s = new HybridState(List.of(LAYER), Defaults.HYBRID.withEstimate(0.1, 2, 0.5, 0.1));
        for (int i = 0; i < 20; i++) {
            s.observe(one(0f, 1f), one(1f, 4f), 0.05);
        }
        assertThat(s.observe(one(9f, 1f), one(1f, 4f), 0.99)).isFalse();
    }

    @Test
    void resetRestoresTheSourceStatistics() {
        HybridState s = new HybridState(List.of(LAYER), SETTINGS);
        for (int i = 0; i < 30; i++) {
            s.observe(one(3f, 2f), one(2f, 1f), 0.1);
        }
        assertThat(s.anchorMean()[0][0]).isNotEqualTo(0f);
        s.reset();
        assertThat(s.anchorMean()[0]).containsExactly(0f, 1f);
        assertThat(s.anchorVar()[0]).containsExactly(1f, 4f);
        assertThat(s.lastAnchorCause()).isEqualTo("reset");
        assertThat(s.describe()).containsEntry("samplesSinceAnchor", 0L).containsEntry("stateFloats", 4);
    }

    @Test
    void theSourceShiftIsTheStatelessDivergence() {
        HybridState s = new HybridState(List.of(LAYER, LAYER), SETTINGS);
        LeanTta reference = new LeanTta(0.85, 0.9, WeightRule.CODE);
        double d1 = reference.divergence(new double[] {2, 0}, LAYER.mean(), LAYER.var());
        double d2 = reference.divergence(new double[] {0, 1}, LAYER.mean(), LAYER.var());
        assertThat(s.sourceShift(new float[][] {{2f, 0f}, {0f, 1f}}, 0.85)).isCloseTo((d1 + d2) / 2, within(1e-9));
    }

    @Test
    void anEstimateThatMakesAnswersLessConfidentIsDistrustedOnceSettledAndTrustedAgainWhenThatTurns() {
        HybridSettings settings = new HybridSettings(0.1, 2, 0.5, 0.5, 0.01, 4, 0.5);
        HybridState s = new HybridState(List.of(LAYER), settings);
        // during warm-up (8 samples) it stays trusted whatever the comparison says
        for (int i = 0; i < 8; i++) {
            assertThat(s.probeDue()).isEqualTo(i % 4 == 0);
            s.compare(0.5, 0.9);
            assertThat(s.trusted()).isTrue();
            s.observe(one(0f, 1f), one(1f, 4f), 0.0);
        }
        s.compare(0.5, 0.9);
        assertThat(s.trusted()).isFalse();
        assertThat(s.probeDue()).as("distrusted: compare every sample").isTrue();
        // the gap is smoothed at rate 0.5: it needs a few better comparisons to turn
        s.compare(0.95, 0.9);
        s.compare(0.95, 0.9);
        s.compare(0.95, 0.9);
        assertThat(s.trusted()).isTrue();
        assertThat(s.describe()).containsEntry("distrusted", 1L).containsEntry("trusted", true);
    }

    @Test
    void aNonFiniteConfidenceLeavesTheComparisonAsItWas() {
        HybridState s = new HybridState(List.of(LAYER), new HybridSettings(0.1, 2, 0.5, 0.5, 0.01, 4, 0.5));
        for (int i = 0; i < 9; i++) {
            s.observe(one(0f, 1f), one(1f, 4f), 0.0);
        }
        s.compare(0.95, 0.9);

        s.compare(Double.NaN, 0.9);
        s.compare(0.9, Double.NaN);

        assertThat(s.trusted()).isTrue();
        assertThat((double) s.describe().get("confidenceGap")).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void reanchoringTrustsTheFreshEstimate() {
        HybridState s = new HybridState(List.of(LAYER), new HybridSettings(0.1, 2, 0.5, 0.5, 0.01, 4, 1));
        for (int i = 0; i < 9; i++) {
            s.observe(one(0f, 1f), one(1f, 4f), 0.0);
        }
        s.compare(0.1, 0.9);
        assertThat(s.trusted()).isFalse();
        s.reset();
        assertThat(s.trusted()).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new HybridSettings(0.1, 2, 0.1, 0.1, -0.1, 4, 0.1)).hasMessageContaining("margin");
        assertThatThrownBy(() -> new HybridSettings(0.1, 2, 0.1, 0.1, 0.01, 0, 0.1)).hasMessageContaining("probeEvery");
        assertThatThrownBy(() -> new HybridSettings(0.1, 2, 0.1, 0.1, 0.01, 4, 0)).hasMessageContaining("trustRate");
        assertThatThrownBy(() -> Defaults.HYBRID.withEstimate(0, 2, 0.1, 0.1)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> Defaults.HYBRID.withEstimate(0.1, 0.5, 0.1, 0.1)).hasMessageContaining("prior");
        assertThatThrownBy(() -> Defaults.HYBRID.withEstimate(0.1, 2, 0, 0.1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> Defaults.HYBRID.withEstimate(0.1, 2, 0.1, 1.5)).hasMessageContaining("detectorRate");
    }
}

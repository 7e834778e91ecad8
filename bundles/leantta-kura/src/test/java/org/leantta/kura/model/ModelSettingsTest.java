package org.leantta.kura.model;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leantta.core.WeightRule;

/** The edge between LeanTtaModelConfig and plain values: what is refused, what rebuilds, what applies live. */
class ModelSettingsTest {
    private static final String SHA = "0123456789abcdef".repeat(4);

    @Test
    void theDefaultsAreValid() {
        ModelSettings s = settings(Map.of());

        assertThat(s.modelPath()).isEmpty();
        assertThat(s.labels()).isEmpty();
        assertThat(s.rule()).isEqualTo(WeightRule.CODE);
        assertThat(s.enabled()).isTrue();
    }

    @Test
    void valuesAreNormalized() {
        ModelSettings s = settings(Map.of("model.path", " /opt/m.onnx ", "model.sha256", " " + SHA.toUpperCase() + " ",
                "labels", " cat, dog ,bird ", "rule", "PAPER", "adapted.layers", " all "));

        assertThat(s.modelPath()).isEqualTo("/opt/m.onnx");
        assertThat(s.sha256()).isEqualTo(SHA);
        assertThat(s.labels()).containsExactly("cat", "dog", "bird");
        assertThat(s.rule()).isEqualTo(WeightRule.PAPER);
        assertThat(s.layers()).isEqualTo("all");
    }

    @Test
    void tauOutsideZeroToOneIsRefused() {
        thenRefused(Map.of("tau", 1.5f), "tau must be in [0, 1], got 1.5");
        thenRefused(Map.of("tau", -0.1f), "tau must be in [0, 1], got -0.1");
        thenRefused(Map.of("tau", Float.NaN), "tau must be in [0, 1], got NaN");
    }

    @Test
    void codeRuleLambdaIsAFactorFromZeroToHundred() {
        thenRefused(Map.of("lambda", 100.5f), "lambda must be in [0, 100] with rule code, got 100.5: it is the "
                + "factor of w = lambda * d, clamped to [0, 1]");
        thenRefused(Map.of("lambda", -1f), "lambda must be in [0, 100] with rule code, got -1.0");
        thenRefused(Map.of("lambda", Float.NaN), "lambda must be in [0, 100] with rule code, got NaN");

        assertThat(settings(Map.of("lambda", 0f)).lambda()).isZero();
        assertThat(settings(Map.of("lambda", 20f)).lambda()).as("clamped, so no longer NaN").isEqualTo(20f);
        assertThat(settings(Map.of("lambda", 100f)).lambda()).isEqualTo(100f);
    }

    @Test
    void paperRuleLambdaIsAPositiveExponentUpToHundred() {
        thenRefused(Map.of("rule", "paper", "lambda", 0f), "lambda must be in (0, 100] with rule paper, got 0.0: it "
                + "is the exponent of w = d ^ lambda, and 0 would fix w at 1");
        thenRefused(Map.of("rule", "paper", "lambda", 100.5f), "lambda must be in (0, 100] with rule paper, got 100.5");

        assertThat(settings(Map.of("rule", "paper", "lambda", 0.01f)).lambda()).isEqualTo(0.01f);
        assertThat(settings(Map.of("rule", "paper", "lambda", 100f)).lambda()).isEqualTo(100f);
    }

    @Test
    void threadsOutsideOneTo64AreRefused() {
        thenRefused(Map.of("threads", 0), "threads must be in [1, 64], got 0");
        thenRefused(Map.of("threads", 65), "threads must be in [1, 64], got 65");
    }

    @Test
    void inputScalingMustBeFinite() {
        thenRefused(Map.of("input.scale", 0f), "input.scale must be a finite number >= 0.000001, got 0.0");
        thenRefused(Map.of("input.scale", Float.POSITIVE_INFINITY), "input.scale must be a finite number >= 0.000001");
        thenRefused(Map.of("input.offset", Float.NaN), "input.offset must be finite, got NaN");
    }

    @Test
    void shiftThresholdIsInZeroToOneLikeTheShiftScore() {
        thenRefused(Map.of("shift.threshold", -0.5f), "shift.threshold must be in [0, 1], got -0.5: the shift score");
        thenRefused(Map.of("shift.threshold", 1.5f), "shift.threshold must be in [0, 1], got 1.5");
        thenRefused(Map.of("shift.threshold", Float.NaN), "shift.threshold must be in [0, 1], got NaN");
    }

    @Test
    void hybridKnobsAreRefusedOutsideTheirRanges() {
        thenRefused(Map.of("hybrid.momentum", 0.00005), "hybrid.momentum must be in [0.0001, 1], got 5.0E-5");
        thenRefused(Map.of("hybrid.momentum", 1.5), "hybrid.momentum must be in [0.0001, 1], got 1.5");
        thenRefused(Map.of("hybrid.change.threshold", 0.0), "hybrid.change.threshold must be in [0.001, 1], got 0.0");
        thenRefused(Map.of("adaptation.mode", "tent"), "adaptation.mode must be stateless or hybrid, got tent");
    }

    @Test
    void aBadSha256IsRefused() {
        thenRefused(Map.of("model.sha256", "abc"), "model.sha256 must be 64 hex digits or empty, got abc");
        thenRefused(Map.of("model.sha256", "g".repeat(64)), "model.sha256 must be 64 hex digits or empty");
    }

    @Test
    void badRuleAndLayersAreRefusedSayingWhatIsExpected() {
        thenRefused(Map.of("rule", "median"), "expected one of: paper, code");
        thenRefused(Map.of("adapted.layers", "first:x"), "expected a number >= 0");
    }

    @Test
    void modelRuleLayersThreadsAndSourceReportingNeedNewSessionsAndNewEstimates() {
        ModelSettings s = settings(Map.of());

        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("model.path", "/opt/m.onnx"),
                Map.of("model.sha256", SHA), Map.of("labels", "a,b"), Map.of("rule", "paper"),
                Map.of("adapted.layers", "all"), Map.of("threads", 2), Map.of("report.source", true))) {
            assertThat(s.needsRebuild(settings(change))).as("%s", change).isTrue();
            assertThat(s.restartsStreams(settings(change))).as("%s", change).isTrue();
        }
    }

    @Test
    void compiledInKnobsNeedNewSessionsButKeepTheEstimates() {
        ModelSettings s = settings(Map.of());

        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("tau", 0.5f), Map.of("lambda", 2f),
                Map.of("adaptation.enabled", false))) {
            assertThat(s.needsRebuild(settings(change))).as("%s", change).isTrue();
            assertThat(s.restartsStreams(settings(change))).as("%s", change).isFalse();
        }
        assertThat(s.needsRebuild(s.withEnabled(false))).isTrue();
        assertThat(s.needsRebuild(settings(Map.of("adaptation.mode", "stateless")))).isTrue();
    }

    @Test
    void scalingAndThresholdApplyLive() {
        ModelSettings s = settings(Map.of());

        ModelSettings next = settings(Map.of("input.scale", 2f, "input.offset", -1f, "shift.threshold", 0f));
        assertThat(s.needsRebuild(next)).isFalse();
        assertThat(s.restartsStreams(next)).isFalse();
    }

    @Test
    void withEnabledChangesOnlyTheSwitch() {
        ModelSettings s = settings(Map.of("tau", 0.5f));

        ModelSettings off = s.withEnabled(false);

        assertThat(off.enabled()).isFalse();
        assertThat(off.withEnabled(true)).isEqualTo(s);
    }

    @Test
    void propertiesProduceTheSameSettings() {
        ModelSettings s = settings(Map.of("model.path", "/opt/m.onnx", "model.sha256", SHA, "labels", "a,b",
                "rule", "paper", "adapted.layers", "last:2", "threads", 3, "report.source", true,
                "tau", 0.5f, "lambda", 2f, "shift.threshold", 0.25f));

        assertThat(settings(s.toProperties())).isEqualTo(s);
    }

    private static ModelSettings settings(Map<String, Object> overrides) {
        return ModelSettings.from(Configs.of(LeanTtaModelConfig.class, new HashMap<>(overrides)));
    }

    private static void thenRefused(Map<String, Object> overrides, String message) {
        assertThatThrownBy(() -> settings(overrides)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}

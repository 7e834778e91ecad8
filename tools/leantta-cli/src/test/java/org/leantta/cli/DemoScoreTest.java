package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The demo's scores: rolling accuracies per line and the closing summary per condition. */
class DemoScoreTest {
    private final DemoScore score = new DemoScore(4);

    @Test
    void linesRollOverTheWindowAndTheSummaryCountsEveryAnswer() {
        givenAnswers("clean", 4, true, true);
        DemoScore.Point clean = score.line();
        givenAnswers("fog@4", 2, false, true);
        givenAnswers("fog@4", 2, false, false);
        DemoScore.Point fog = score.line();
        assertThat(clean.sourceAccuracy()).isEqualTo(100.0);
        assertThat(fog.sourceAccuracy()).isZero();
        assertThat(fog.adaptedAccuracy()).isEqualTo(50.0);
        assertThat(fog.condition()).isEqualTo("fog@4");
        assertThat(score.summaries()).extracting(DemoScore.Summary::condition).containsExactly("clean", "fog@4");
        DemoScore.Summary f = score.summaries().get(1);
        assertThat(f.samples()).isEqualTo(4);
        assertThat(f.adaptedAccuracy()).isEqualTo(50.0);
        assertThat(f.shift()).isCloseTo(0.5, within(1e-9));
        assertThat(f.p50Millis()).isEqualTo(1.0);
    }

    @Test
    void aPartialLastWindowIsPending() {
        givenAnswers("clean", 3, true, true);
        assertThat(score.pending()).isEqualTo(3);
        assertThat(score.line().samples()).isEqualTo(3);
        assertThat(score.pending()).isZero();
    }

    private void givenAnswers(String condition, int n, boolean source, boolean adapted) {
        for (int i = 0; i < n; i++) {
            score.add(condition, source, adapted, condition.equals("clean") ? 0.0 : 0.5, 1000);
        }
    }
}

package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counters, mean shift and nearest-rank latency percentiles, checked against hand-computed values. */
class StatsTest {
    private final Stats stats = new Stats();

    @Test
    void nothingPredictedGivesZeros() {
        assertThat(latencies()).containsEntry("window", 0).containsEntry("p50", 0L).containsEntry("p90", 0L)
                .containsEntry("p99", 0L).containsEntry("max", 0L);
        assertThat(stats.describe()).containsEntry("meanShift", 0.0);
    }

    @Test
    void tenLatenciesGiveNearestRankPercentiles() {
        // given out of order: 10, 20, ..., 100
        for (long micros : new long[] {70, 10, 100, 40, 20, 90, 30, 60, 50, 80}) {
            stats.inferred(0.5f, false, micros);
        }

        // nearest rank: p50 = 5th of 10 -> 50, p90 = 9th -> 90, p99 = ceil(9.9) = 10th -> 100
        assertThat(latencies()).containsEntry("window", 10).containsEntry("p50", 50L).containsEntry("p90", 90L)
                .containsEntry("p99", 100L).containsEntry("max", 100L);
    }

    @Test
    void oneLatencyIsEveryPercentile() {
        stats.inferred(0f, false, 7);

        assertThat(latencies()).containsEntry("window", 1).containsEntry("p50", 7L).containsEntry("p99", 7L)
                .containsEntry("max", 7L);
    }

    @Test
    void onlyTheLatest1024LatenciesCount() {
        // 1000 slow ones, then 1024 fast ones 1..1024 overwrite the whole window
        for (int i = 0; i < 1000; i++) {
            stats.inferred(0f, false, 1_000_000);
        }
        for (int i = 1; i <= 1024; i++) {
            stats.inferred(0f, false, i);
        }

        // p50 = ceil(512) = 512th, p90 = ceil(921.6) = 922nd, p99 = ceil(1013.76) = 1014th
        assertThat(latencies()).containsEntry("window", 1024).containsEntry("p50", 512L)
                .containsEntry("p90", 922L).containsEntry("p99", 1014L).containsEntry("max", 1024L);
    }

    @Test
    void countersAndMeanShift() {
        for (int i = 0; i < 5; i++) {
            stats.received();
        }
        stats.inferred(0.25f, false, 1);
        stats.inferred(0.75f, true, 1);
        stats.inferred(0.5f, false, 1);
        stats.predicted();
        stats.predicted();
        stats.rejected();
        stats.dropped();
        stats.command();
        stats.command();
        stats.refusedCommand();
        stats.publishFailed();

        Map<String, Object> d = stats.describe();
        assertThat(d).containsEntry("meanShift", 0.5);
        // 5 received: 2 predictions handed over, 1 rejected, 1 dropped, 1 inferred but not yet handed over
        assertThat(d.get("counters")).isEqualTo(Map.of("received", 5L, "predicted", 2L, "rejected", 1L,
                "dropped", 1L, "pending", 1L, "commands", 2L, "refusedCommands", 1L, "outOfDistribution", 1L,
                "publishFailures", 1L));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> latencies() {
        return (Map<String, Object>) stats.describe().get("latencyMicros");
    }
}

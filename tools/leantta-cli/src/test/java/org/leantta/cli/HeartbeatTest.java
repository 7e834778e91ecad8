package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heartbeat line from two status replies of the bridge. */
class HeartbeatTest {
    @Test
    void theLineSaysWhatHappenedBetweenTwoReplies() {
        Heartbeat.Counters before = Heartbeat.Counters.of(status(100, 0.1, 2, 1), 0);
        Heartbeat.Counters now = Heartbeat.Counters.of(status(300, 0.2, 12, 4), 10_000_000_000L);
        // 200 samples in 10 s; the interval's mean shift is (0.2*300 - 0.1*100) / 200 = 0.25
        assertThat(Heartbeat.line(before, now)).startsWith(Heartbeat.PREFIX).contains("20.0 samples/s",
                "queue 7/1000", "p50 1.50 ms", "mean shift 0.2500", "out of distribution 5.0%",
                "refused 3 (rejected) + 0 (dropped)", "300 predicted since the start");
    }

    @Test
    void theMeanShiftIsOverTheSamplesInferredWhenSomePredictionsWereDropped() {
        Map<String, Object> before = new java.util.HashMap<>(status(100, 0.1, 2, 1));
        before.put("inferred", 100L);
        Map<String, Object> now = new java.util.HashMap<>(status(250, 0.2, 22, 1));
        now.put("inferred", 300L);
        // 200 inferred, 150 predicted (50 dropped while held): mean shift (0.2*300 - 0.1*100) / 200, OOD 20 of 200
        assertThat(Heartbeat.line(Heartbeat.Counters.of(before, 0), Heartbeat.Counters.of(now, 10_000_000_000L)))
                .contains("15.0 samples/s", "mean shift 0.2500", "out of distribution 10.0%");
    }

    @Test
    void noTrafficIsSaidAsIdle() {
        Heartbeat.Counters c = Heartbeat.Counters.of(status(100, 0.1, 2, 1), 0);
        assertThat(Heartbeat.line(c, c)).contains("idle", "100 predicted since the start");
    }

    private static Map<String, Object> status(long predicted, double meanShift, long ood, long rejected) {
        return Map.of("counters", Map.of("predicted", predicted, "rejected", rejected, "dropped", 0,
                "outOfDistribution", ood), "meanShift", meanShift, "latencyMicros", Map.of("p50", 1500),
                "queue", Map.of("size", 7, "capacity", 1000));
    }
}

package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leantta.tooling.shift.Corruptions;
import org.leantta.tooling.shift.StreamItem;

/** The demo's schedule fits the run: any --count or --duration shows clean and then every shift, in order. */
class DemoScheduleTest {
    private static final String SHIFTS = "gaussian-noise,fog,contrast";

    @Test
    void aCountIsSharedByCleanAndEveryShift() {
        DemoSchedule s = DemoSchedule.of(Corruptions.parse(SHIFTS), 4, 10_000, 1200, false, 0);
        s.start(0, Long.MAX_VALUE);
        assertThat(s.block()).isEqualTo(300);
        assertThat(conditions(s, 1200, i -> 0L)).containsExactly("clean", "gaussian-noise", "fog", "contrast");
    }

    @Test
    void aDurationAloneIsSharedInTime() {
        DemoSchedule s = DemoSchedule.of(Corruptions.parse(SHIFTS), 4, 10_000, 0, true, 0);
        long second = 1_000_000_000L;
        s.start(0, 40 * second);
        assertThat(s.block()).isZero();
        assertThat(conditions(s, 40, i -> i * second)).containsExactly("clean", "gaussian-noise", "fog", "contrast");
    }

    @Test
    void anUnboundedRunRepeatsBlocksOfTheDefaultLength() {
        DemoSchedule s = DemoSchedule.of(Corruptions.parse(SHIFTS), 4, 10_000, 0, false, 0);
        s.start(0, Long.MAX_VALUE);
        assertThat(s.item(DemoSchedule.BLOCK - 1, 0).isClean()).isTrue();
        assertThat(s.item(DemoSchedule.BLOCK, 0).shiftName()).isEqualTo("gaussian-noise");
        assertThat(s.item(4L * DemoSchedule.BLOCK, 0).isClean()).isTrue();
    }

    @Test
    void consecutiveSamplesAreDifferentImages() {
        DemoSchedule s = DemoSchedule.of(Corruptions.parse(SHIFTS), 4, 10_000, 0, false, 0);
        s.start(0, Long.MAX_VALUE);
        assertThat(s.item(0, 0).sampleIndex()).isNotEqualTo(s.item(1, 0).sampleIndex());
    }

    /** The conditions of samples 0..n-1 in order, each run of one condition once. */
    private static List<String> conditions(DemoSchedule s, int n, java.util.function.LongUnaryOperator time) {
        List<String> seen = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            StreamItem item = s.item(i, time.applyAsLong(i));
            String c = item.isClean() ? "clean" : item.shiftName();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(c)) {
                seen.add(c);
            }
        }
        return seen;
    }
}

package org.leantta.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.leantta.tooling.shift.Corruption;
import org.leantta.tooling.shift.StreamItem;

/**
 * The demo sensor's conditions: clean, then each shift at one severity, repeating. Each condition lasts a block of
 * samples or, for a run bounded by time only, an equal slice of it, so that any run shows clean and every shift.
 */
final class DemoSchedule {
    /** Default samples per condition of an unbounded run. */
    static final int BLOCK = 1000;
    /** A prime stride through the data set: consecutive samples are different images, each image in turn. */
    private static final long STRIDE = 7919;

    private final List<Corruption> conditions;
    private final int severity;
    private final int datasetSize;
    private final long block;
    private long sliceNanos;
    private long startNanos;

    private DemoSchedule(List<Corruption> conditions, int severity, int datasetSize, long block) {
        this.conditions = conditions;
        this.severity = severity;
        this.datasetSize = datasetSize;
        this.block = block;
    }

    /**
     * @param count samples of the run (0: not bounded by count)
     * @param timeBounded whether the run ends at a deadline; then, without count or block, conditions share its time
     * @param block samples per condition asked for (0: fit the run)
     */
    static DemoSchedule of(List<Corruption> shifts, int severity, int datasetSize, long count, boolean timeBounded,
                           long block) {
        List<Corruption> conditions = new ArrayList<>(Collections.singletonList(null));
        conditions.addAll(shifts);
        long perCondition = block > 0 ? block
                : count > 0 ? Math.max(1, (count + conditions.size() - 1) / conditions.size())
                : timeBounded ? 0 : BLOCK;
        // null stands for the clean condition (List.copyOf would refuse it)
        return new DemoSchedule(Collections.unmodifiableList(conditions), severity, datasetSize, perCondition);
    }

    /** Starts the clock of a time-sliced schedule: the conditions share the time left until the deadline. */
    void start(long nowNanos, long deadlineNanos) {
        startNanos = nowNanos;
        sliceNanos = Math.max(1, (deadlineNanos - nowNanos) / conditions.size());
    }

    /** The condition and image of sample {@code i}, published at {@code nowNanos}. */
    StreamItem item(long i, long nowNanos) {
        long c = block > 0 ? i / block : (nowNanos - startNanos) / sliceNanos;
        Corruption condition = conditions.get((int) (c % conditions.size()));
        int image = (int) ((i * STRIDE) % datasetSize);
        return condition == null ? StreamItem.clean(image) : new StreamItem(image, condition, severity);
    }

    /** Samples per condition (0: time slices). */
    long block() {
        return block;
    }

    int conditions() {
        return conditions.size();
    }

    /** How the schedule runs, for the demo's opening line. */
    String describe() {
        String each = block > 0 ? block + " samples" : "1/" + conditions.size() + " of the time";
        List<String> names = new ArrayList<>();
        for (Corruption c : conditions.subList(1, conditions.size())) {
            names.add(c.name());
        }
        return "clean, then " + String.join(", ", names) + " at severity " + severity + ", " + each
                + " each, repeating";
    }
}

package org.leantta.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's scores of the gateway's answers: rolling accuracies of the unadapted and the adapted answers over the
 * last {@code window} answers, the mean shift score and median latency of each printed line, and a summary per
 * condition over the whole run.
 */
final class DemoScore {
    /** One printed line: after {@code samples} answers, the last one in {@code condition}. */
    record Point(long samples, String condition, double sourceAccuracy, double adaptedAccuracy, double shift,
                 double p50Millis) {
    }

    /** All answers of one condition. */
    record Summary(String condition, long samples, double sourceAccuracy, double adaptedAccuracy, double shift,
                   double p50Millis) {
    }

    private final int window;
    private final Deque<boolean[]> recent = new ArrayDeque<>();
    private final int[] rolling = new int[2];
    private final Totals line = new Totals();
    private final Map<String, Totals> conditions = new LinkedHashMap<>();
    private final List<Point> points = new ArrayList<>();
    private long answered;
    private String lastCondition;

    DemoScore(int window) {
        this.window = window;
    }

    /** Right/wrong counts, shift scores and latencies of a group of answers. */
    private static final class Totals {
        long n;
        long sourceRight;
        long adaptedRight;
        double shift;
        long[] micros = new long[64];

        void add(boolean source, boolean adapted, double shiftScore, long latencyMicros) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, micros.length * 2);
            }
            micros[(int) n++] = latencyMicros;
            sourceRight += source ? 1 : 0;
            adaptedRight += adapted ? 1 : 0;
            shift += shiftScore;
        }

        double p50Millis() {
            long[] sorted = Arrays.copyOf(micros, (int) n);
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2] / 1000.0;
        }
    }

    void add(String condition, boolean sourceRight, boolean adaptedRight, double shift, long latencyMicros) {
        recent.addLast(new boolean[] {sourceRight, adaptedRight});
        rolling[0] += sourceRight ? 1 : 0;
        rolling[1] += adaptedRight ? 1 : 0;
        if (recent.size() > window) {
            boolean[] old = recent.removeFirst();
            rolling[0] -= old[0] ? 1 : 0;
            rolling[1] -= old[1] ? 1 : 0;
        }
        line.add(sourceRight, adaptedRight, shift, latencyMicros);
        conditions.computeIfAbsent(condition, c -> new Totals()).add(sourceRight, adaptedRight, shift, latencyMicros);
        lastCondition = condition;
        answered++;
    }

    /** Answers since the last line. */
    long pending() {
        return line.n;
    }

    /** Closes the current line: its point, which {@link #points()} keeps. */
    Point line() {
        Point p = new Point(answered, lastCondition, 100.0 * rolling[0] / recent.size(),
                100.0 * rolling[1] / recent.size(), line.shift / line.n, line.p50Millis());
        points.add(p);
        line.n = 0;
        line.sourceRight = 0;
        line.adaptedRight = 0;
        line.shift = 0;
        return p;
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    /** Per condition, in the order first seen. */
    List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        conditions.forEach((name, t) -> out.add(new Summary(name, t.n, 100.0 * t.sourceRight / t.n,
                100.0 * t.adaptedRight / t.n, t.shift / t.n, t.p50Millis())));
        return out;
    }

    long answered() {
        return answered;
    }
}

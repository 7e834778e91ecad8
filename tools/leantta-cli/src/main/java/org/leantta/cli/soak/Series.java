package org.leantta.cli.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** RSS of the gateway sampled over the soak, with what had been sent and answered at each moment. */
final class Series {
    /** One sample: seconds since the load started (negative: before), counts, resident kB. */
    record Point(double seconds, long sent, long answered, long rssKb) {
    }

    private final List<Point> points = new ArrayList<>();

    synchronized void add(Point p) {
        points.add(p);
    }

    synchronized List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * The largest RSS in MB over a tenth of the points taken under load (at least one point): the first tenth
     * ({@code last} false) or the last; -1 without such points.
     */
    synchronized double tenthMaxMb(boolean last) {
        List<Point> load = points.stream().filter(p -> p.sent() > 0).toList();
        if (load.isEmpty()) {
            return -1;
        }
        int n = Math.max(1, load.size() / 10);
        List<Point> part = last ? load.subList(load.size() - n, load.size()) : load.subList(0, n);
        return part.stream().mapToLong(Point::rssKb).max().orElseThrow() / 1024.0;
    }

    /** The largest RSS among the points that match, in MB; -1 if none does. */
    synchronized double maxMb(Predicate<Point> which) {
        return points.stream().filter(which).mapToLong(Point::rssKb).max().orElse(-1024) / 1024.0;
    }

    synchronized double lastMb() {
        return points.isEmpty() ? -1 : points.get(points.size() - 1).rssKb() / 1024.0;
    }
}

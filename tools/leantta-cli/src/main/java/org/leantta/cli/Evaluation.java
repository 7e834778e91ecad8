package org.leantta.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.leantta.onnx.HybridAdapter;
import org.leantta.onnx.Output;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.shift.StreamItem;

/**
 * Runs every method on the same shifted samples and counts errors per (shift, severity) cell.
 *
 * <p>Samples go in chunks of 64 consecutive items of one segment (a condition, or a stream); every stateless
 * method sees the same chunk, so bn-batch64 gets 64 samples of one shift. Chunks run in parallel. A stateful
 * method (the hybrid) goes through each segment one sample at a time, in order, from a fresh state; segments
 * run in parallel.
 */
final class Evaluation {
    static final int CHUNK = 64;
    static final int RIGHT = 0;
    static final int WRONG = 1;
    static final int NON_FINITE = 2;

    private final ImageSet data;
    private final List<Method.Runner> runners;
    private final Method.Runner scorer;
    private final long seed;
    private final int threads;

    /**
     * @param scorer the runner whose divergences give the shift score (null: none)
     */
    Evaluation(ImageSet data, List<Method.Runner> runners, Method.Runner scorer, long seed, int threads) {
        this.data = data;
        this.runners = runners;
        this.scorer = scorer;
        this.seed = seed;
        this.threads = threads;
    }

    /** Errors and shift scores of one (shift, severity) cell. */
    static final class Cell {
        final String shift;
        final int severity;
        /** Per method the wrong answers, non-finite ones included. */
        final long[] wrong;
        /** Per method the answers whose scores were NaN or infinite: errors, never an argmax. */
        final long[] nonFinite;
        long n;
        final List<Float> scores = new ArrayList<>();

        Cell(String shift, int severity, int methods) {
            this.shift = shift;
            this.severity = severity;
            this.wrong = new long[methods];
            this.nonFinite = new long[methods];
        }

        void add(int method, int outcome) {
            wrong[method] += outcome == RIGHT ? 0 : 1;
            nonFinite[method] += outcome == NON_FINITE ? 1 : 0;
        }

        double error(int method) {
            return n == 0 ? Double.NaN : (double) wrong[method] / n;
        }
    }

    /** Evaluates the segments; returns the cells in first-seen order. */
    Map<String, Cell> run(List<List<StreamItem>> segments) throws Exception {
        List<List<StreamItem>> chunks = new ArrayList<>();
        for (List<StreamItem> segment : segments) {
            for (int i = 0; i < segment.size(); i += CHUNK) {
                chunks.add(segment.subList(i, Math.min(segment.size(), i + CHUNK)));
            }
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (List<StreamItem> chunk : chunks) {
            for (StreamItem item : chunk) {
                cells.computeIfAbsent(key(item), k -> new Cell(item.shiftName(), item.severity(), runners.size()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int m = 0; m < runners.size(); m++) {
                if (runners.get(m).method.stateful()) {
                    for (List<StreamItem> segment : segments) {
                        int method = m;
                        futures.add(pool.submit(() -> {
                            stream(method, segment, cells);
                            return null;
                        }));
                    }
                }
            }
            for (List<StreamItem> chunk : chunks) {
                futures.add(pool.submit(() -> {
                    chunk(chunk, cells);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return cells;
    }

    private void chunk(List<StreamItem> items, Map<String, Cell> cells) throws Exception {
        int size = data.imageSize();
        float[] x = new float[items.size() * size];
        for (int i = 0; i < items.size(); i++) {
            StreamItem item = items.get(i);
            float[] image = item.apply(data.image(item.sampleIndex()), data.channels(), data.height(), data.width(), seed);
            System.arraycopy(image, 0, x, i * size, size);
        }
        int[][] outcomes = new int[runners.size()][];
        float[] scores = null;
        for (int m = 0; m < runners.size(); m++) {
            Method.Runner r = runners.get(m);
            if (r.method.stateful()) {
                continue;
            }
            Output out = r.run(x, items.size());
            outcomes[m] = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                outcomes[m][i] = outcome(out, i, data.label(items.get(i).sampleIndex()));
            }
            if (r == scorer) {
                scores = new float[items.size()];
                for (int i = 0; i < items.size(); i++) {
                    scores[i] = out.shift(i, null);
                }
            }
        }
        synchronized (cells) {
            for (int i = 0; i < items.size(); i++) {
                Cell c = cells.get(key(items.get(i)));
                c.n++;
                for (int m = 0; m < runners.size(); m++) {
                    if (outcomes[m] != null) {
                        c.add(m, outcomes[m][i]);
                    }
                }
                if (scores != null && Float.isFinite(scores[i])) {
                    c.scores.add(scores[i]);
                }
            }
        }
    }

    /** One segment through a stateful method, sample by sample; its errors go into the cells. */
    private void stream(int method, List<StreamItem> segment, Map<String, Cell> cells) throws Exception {
        Method.Runner runner = runners.get(method);
        HybridAdapter adapter = runner.stream();
        int[] outcomes = new int[segment.size()];
        for (int i = 0; i < segment.size(); i++) {
            StreamItem item = segment.get(i);
            float[] x = item.apply(data.image(item.sampleIndex()), data.channels(), data.height(), data.width(), seed);
            outcomes[i] = outcome(adapter.predict(x, runner.knobs()).output(), 0, data.label(item.sampleIndex()));
        }
        synchronized (cells) {
            for (int i = 0; i < segment.size(); i++) {
                cells.get(key(segment.get(i))).add(method, outcomes[i]);
            }
        }
    }

    /** RIGHT, WRONG, or NON_FINITE: an argmax over NaN names an arbitrary class, so such an answer is an error. */
    static int outcome(Output out, int i, int label) {
        if (!out.finite(i)) {
            return NON_FINITE;
        }
        return out.argmax(i) == label ? RIGHT : WRONG;
    }

    static String key(StreamItem item) {
        return item.shiftName() + "@" + item.severity();
    }
}

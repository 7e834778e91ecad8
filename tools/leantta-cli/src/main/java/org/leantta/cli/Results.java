package org.leantta.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leantta.core.Sha256;
import org.leantta.tooling.data.ImageSet;

/** Error tables, relative reductions and shift-score quantiles of one evaluation. */
final class Results {
    static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

    private final List<Method> methods;
    private final Map<String, Evaluation.Cell> cells;
    private final String scorer;
    private String cleanLabel = "clean";

    Results(List<Method> methods, Map<String, Evaluation.Cell> cells, String scorer) {
        this.methods = methods;
        this.cells = cells;
        this.scorer = scorer;
    }

    /** Names the unshifted condition "as given" (data that may already be shifted). */
    Results asGiven() {
        cleanLabel = "as given";
        return this;
    }

    private String label(Evaluation.Cell c) {
        return c.shift.equals("clean") ? cleanLabel : c.shift;
    }

    /** Pooled error of a method over the given cells. */
    double error(int method, List<Evaluation.Cell> of) {
        long wrong = 0;
        long n = 0;
        for (Evaluation.Cell c : of) {
            wrong += c.wrong[method];
            n += c.n;
        }
        return n == 0 ? Double.NaN : (double) wrong / n;
    }

    /** Cells grouped by severity (0 = clean), in order. */
    Map<Integer, List<Evaluation.Cell>> bySeverity() {
        Map<Integer, List<Evaluation.Cell>> out = new TreeMap<>();
        for (Evaluation.Cell c : cells.values()) {
            out.computeIfAbsent(c.severity, k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** The clean (or as-given) cells. */
    List<Evaluation.Cell> clean() {
        return bySeverity().getOrDefault(0, List.of());
    }

    /** The cells of every shift and severity. */
    List<Evaluation.Cell> shifted() {
        return cells.values().stream().filter(c -> c.severity > 0).toList();
    }

    int index(String method) {
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i).name().equals(method)) {
                return i;
            }
        }
        return -1;
    }

    void print(PrintStream out, boolean asGiven, boolean stream) {
        for (Map.Entry<Integer, List<Evaluation.Cell>> e : bySeverity().entrySet()) {
            String title = e.getKey() == 0 ? (asGiven ? "data as given" : "clean")
                    : "severity " + e.getKey();
            errorTable("error % -- " + title + (stream ? " (items of the stream)" : ""), e.getValue()).print(out);
        }
        errorTable("error % -- everything evaluated", new ArrayList<>(cells.values())).print(out);
        printNonFinite(out);
        if (scorer != null) {
            scoreTable().print(out);
        }
    }

    /** Answers with NaN or infinite scores of a method, over all cells. */
    long nonFinite(int method) {
        return cells.values().stream().mapToLong(c -> c.nonFinite[method]).sum();
    }

    private void printNonFinite(PrintStream out) {
        long n = cells.values().stream().mapToLong(c -> c.n).sum();
        for (int m = 0; m < methods.size(); m++) {
            if (nonFinite(m) > 0) {
                out.printf("%nnon-finite scores (NaN or infinite), counted as errors: %s %d of %d answers%n",
                        methods.get(m).name(), nonFinite(m), n);
            }
        }
    }

    private Table errorTable(String title, List<Evaluation.Cell> of) {
        String[] header = new String[methods.size() + 2];
        header[0] = "shift";
        header[1] = "n";
        for (int m = 0; m < methods.size(); m++) {
            header[m + 2] = methods.get(m).name();
        }
        Table t = new Table(title, header);
        if (of.size() > 1) {
            for (Evaluation.Cell c : of) {
                t.row(row(label(c) + (c.severity > 0 && of.stream().anyMatch(o -> o.severity != c.severity)
                        ? "@" + c.severity : ""), c.n, m -> c.error(m)));
            }
        }
        long n = of.stream().mapToLong(c -> c.n).sum();
        t.row(row(of.size() > 1 ? "mean" : label(of.get(0)), n, m -> error(m, of)));
        int src = index("source");
        if (src >= 0) {
            double base = error(src, of);
            String[] r = new String[methods.size() + 2];
            r[0] = "reduction vs source";
            r[1] = "";
            for (int m = 0; m < methods.size(); m++) {
                r[m + 2] = m == src ? "" : Table.signedPct((base - error(m, of)) / base);
            }
            t.row(r);
        }
        return t;
    }

    private String[] row(String name, long n, java.util.function.IntToDoubleFunction error) {
        String[] r = new String[methods.size() + 2];
        r[0] = name;
        r[1] = String.valueOf(n);
        for (int m = 0; m < methods.size(); m++) {
            r[m + 2] = Table.pct(error.applyAsDouble(m));
        }
        return r;
    }

    private Table scoreTable() {
        Table t = new Table("shift score of '" + scorer + "' (mean divergence over adapted layers): quantiles",
                "shift", "severity", "p05", "p25", "p50", "p75", "p95", "mean");
        for (Evaluation.Cell c : cells.values()) {
            double[] q = quantiles(c.scores);
            String[] r = new String[8];
            r[0] = label(c);
            r[1] = String.valueOf(c.severity);
            for (int i = 0; i < 6; i++) {
                r[i + 2] = String.format("%.4f", q[i]);
            }
            t.row(r);
        }
        return t;
    }

    /** The {@link #QUANTILES} and the mean. */
    static double[] quantiles(List<Float> values) {
        double[] out = new double[QUANTILES.length + 1];
        if (values.isEmpty()) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        float[] v = new float[values.size()];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
            sum += v[i];
        }
        Arrays.sort(v);
        for (int i = 0; i < QUANTILES.length; i++) {
            out[i] = v[(int) Math.min(v.length - 1, Math.round(QUANTILES[i] * (v.length - 1)))];
        }
        out[QUANTILES.length] = sum / v.length;
        return out;
    }

    Map<String, Object> toJson(Path model, ImageSet data, long seed) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model.toString());
        root.put("sha256", Sha256.of(model));
        root.put("images", data.count());
        root.put("seed", seed);
        List<Evaluation.Cell> all = new ArrayList<>(cells.values());
        Map<String, Object> summary = new LinkedHashMap<>();
        int src = index("source");
        for (int m = 0; m < methods.size(); m++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("description", methods.get(m).summary());
            s.put("meanError", error(m, all));
            s.put("nonFinite", nonFinite(m));
            if (src >= 0) {
                s.put("reductionVsSource", (error(src, all) - error(m, all)) / error(src, all));
            }
            Map<String, Object> bySev = new LinkedHashMap<>();
            for (Map.Entry<Integer, List<Evaluation.Cell>> e : bySeverity().entrySet()) {
                bySev.put(e.getKey() == 0 ? "clean" : "severity" + e.getKey(), error(m, e.getValue()));
            }
            s.put("meanErrorBySeverity", bySev);
            summary.put(methods.get(m).name(), s);
        }
        root.put("summary", summary);
        List<Object> rows = new ArrayList<>();
        for (Evaluation.Cell c : all) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("shift", label(c));
            r.put("severity", c.severity);
            r.put("n", c.n);
            Map<String, Object> errors = new LinkedHashMap<>();
            for (int m = 0; m < methods.size(); m++) {
                errors.put(methods.get(m).name(), c.error(m));
            }
            r.put("error", errors);
            if (!c.scores.isEmpty()) {
                double[] q = quantiles(c.scores);
                Map<String, Object> qs = new LinkedHashMap<>();
                for (int i = 0; i < QUANTILES.length; i++) {
                    qs.put(String.format("p%02d", Math.round(QUANTILES[i] * 100)), q[i]);
                }
                qs.put("mean", q[QUANTILES.length]);
                r.put("shiftScore", qs);
            }
            rows.add(r);
        }
        root.put("cells", rows);
        return root;
    }
}

package org.leantta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Error by method as bar charts: the mean per condition (clean, each severity) on top, then one chart per severity
 * with the error of every shift; from an evaluation in memory ({@code evaluate --plot}) or its JSON file.
 */
final class ErrorChart {
    /** The error of each method on one (shift, severity); severity 0 is clean (or the data as given). */
    record Cell(String shift, int severity, Map<String, Double> errors) {
    }

    private ErrorChart() {
    }

    /** The cells of an evaluation's JSON ({@code evaluate --json}). */
    @SuppressWarnings("unchecked")
    static List<Cell> fromJson(Map<String, Object> json) {
        List<Cell> cells = new ArrayList<>();
        for (Object o : (List<Object>) json.get("cells")) {
            Map<String, Object> c = (Map<String, Object>) o;
            Map<String, Double> errors = new LinkedHashMap<>();
            ((Map<String, Object>) c.get("error")).forEach((m, e) -> errors.put(m, ((Number) e).doubleValue()));
            cells.add(new Cell((String) c.get("shift"), ((Number) c.get("severity")).intValue(), errors));
        }
        return cells;
    }

    static void write(String title, List<Cell> cells, Path png) throws Exception {
        List<JFreeChart> charts = new ArrayList<>();
        Map<Integer, List<Cell>> bySeverity = new TreeMap<>();
        cells.forEach(c -> bySeverity.computeIfAbsent(c.severity(), s -> new ArrayList<>()).add(c));
        charts.add(Charts.bars(title + ": mean error by condition", "condition", "error %", means(bySeverity)));
        bySeverity.forEach((severity, of) -> {
            if (severity > 0) {
                JFreeChart chart = Charts.bars("error by shift at severity " + severity, "shift", "error %",
                        perShift(of));
                chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
                charts.add(chart);
            }
        });
        Charts.stack(charts, png);
    }

    private static DefaultCategoryDataset means(Map<Integer, List<Cell>> bySeverity) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        bySeverity.forEach((severity, of) -> {
            String condition = severity == 0 ? of.get(0).shift() : "severity " + severity;
            for (String method : of.get(0).errors().keySet()) {
                d.addValue(100 * of.stream().mapToDouble(c -> c.errors().get(method)).average().orElse(Double.NaN),
                        method, condition);
            }
        });
        return d;
    }

    private static DefaultCategoryDataset perShift(List<Cell> cells) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Cell c : cells) {
            c.errors().forEach((method, e) -> d.addValue(100 * e, method, c.shift()));
        }
        return d;
    }
}

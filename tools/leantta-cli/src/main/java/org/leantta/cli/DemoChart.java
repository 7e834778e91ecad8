package org.leantta.cli;

import java.awt.Color;
import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The demo's chart: rolling accuracy of the unadapted and the adapted answers (left axis) and the shift score
 * (right axis) against the answers so far, one shaded band per condition; and an HTML page with the chart and the
 * summary per condition.
 */
final class DemoChart {
    private DemoChart() {
    }

    /** Writes the chart to {@code png} and the page beside it; returns the page. */
    static Path write(DemoScore score, Path png) throws Exception {
        Charts.png(chart(score.points()), png);
        String name = png.getFileName().toString().replaceFirst("\\.png$", "");
        Path html = png.resolveSibling(name + ".html");
        Files.writeString(html, page(score, Files.readAllBytes(png)), StandardCharsets.UTF_8);
        return html;
    }

    static JFreeChart chart(List<DemoScore.Point> points) {
        XYSeries source = new XYSeries("unadapted accuracy %");
        XYSeries adapted = new XYSeries("adapted accuracy %");
        XYSeries shift = new XYSeries("shift score (right axis)");
        for (DemoScore.Point p : points) {
            source.add(p.samples(), p.sourceAccuracy());
            adapted.add(p.samples(), p.adaptedAccuracy());
            shift.add(p.samples(), p.shift());
        }
        XYSeriesCollection accuracy = new XYSeriesCollection();
        accuracy.addSeries(source);
        accuracy.addSeries(adapted);
        JFreeChart chart = ChartFactory.createXYLineChart("LeanTTA demo: rolling accuracy and shift score",
                "answers", "accuracy % (rolling)", accuracy, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.getDomainAxis().setRange(0, Math.max(1, points.get(points.size() - 1).samples()));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        Charts.line(lines, 0, 0);
        Charts.line(lines, 1, 1);
        plot.setRenderer(0, lines);
        plot.setRangeAxis(1, new NumberAxis("shift score"));
        plot.setDataset(1, new XYSeriesCollection(shift));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer shiftLine = new XYLineAndShapeRenderer(true, false);
        Charts.line(shiftLine, 0, 2);
        plot.setRenderer(1, shiftLine);
        bands(plot, points);
        return chart;
    }

    /** A band per run of lines in one condition, labelled with it. */
    private static void bands(XYPlot plot, List<DemoScore.Point> points) {
        double start = 0;
        int shaded = 0;
        for (int i = 0; i < points.size(); i++) {
            DemoScore.Point p = points.get(i);
            boolean last = i + 1 == points.size() || !points.get(i + 1).condition().equals(p.condition());
            if (last) {
                IntervalMarker band = new IntervalMarker(start, p.samples(),
                        p.condition().equals("clean") ? new Color(0xE3F2E3)
                                : shaded++ % 2 == 0 ? new Color(0xEDEDED) : new Color(0xF7F7F7));
                band.setOutlinePaint(new Color(0xCCCCCC));
                band.setLabel(p.condition());
                band.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(band, Layer.BACKGROUND);
                start = p.samples();
            }
        }
    }

    private static String page(DemoScore score, byte[] png) {
        StringBuilder rows = new StringBuilder();
        for (DemoScore.Summary s : score.summaries()) {
            rows.append(String.format("<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%+.1f</td>"
                    + "<td>%.4f</td><td>%.2f</td></tr>%n", Html.escape(s.condition()), s.samples(),
                    s.sourceAccuracy(), s.adaptedAccuracy(), s.adaptedAccuracy() - s.sourceAccuracy(), s.shift(),
                    s.p50Millis()));
        }
        return Html.page("LeanTTA demo", "<img alt=\"rolling accuracy and shift score\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\">\n<h2>Summary per condition</h2>\n<table>\n"
                + "<tr><th>condition</th><th>samples</th><th>unadapted acc %</th><th>adapted acc %</th>"
                + "<th>gain pp</th><th>shift score</th><th>p50 latency ms</th></tr>\n" + rows + "</table>\n"
                + "<p>Accuracies in the chart are rolling over the last answers; the summary counts every answer of "
                + "each condition. Both come from the same gateway predictions (<code>report.source</code> adds "
                + "the unadapted answer).</p>");
    }
}

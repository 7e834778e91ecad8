package org.leantta.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/** The look and the file output shared by every chart: JFreeChart, headless, PNG. */
final class Charts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    /** One colour per series, in order; readable in grey and for the common colour-vision deficiencies. */
    static final Color[] PALETTE = {new Color(0x555555), new Color(0x0072B2), new Color(0xE69F00),
        new Color(0x009E73), new Color(0xCC79A7), new Color(0xD55E00), new Color(0x56B4E9), new Color(0xF0E442)};

    static {
        System.setProperty("java.awt.headless", "true");
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        ChartFactory.setChartTheme(theme);
    }

    private Charts() {
    }

    /** A grouped bar chart: one group per category, one bar per series. */
    static JFreeChart bars(String title, String categoryAxis, String valueAxis, CategoryDataset data) {
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setItemMargin(0.02);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        return chart;
    }

    /** A line of series {@code i}: its palette colour, 2 px. */
    static void line(org.jfree.chart.renderer.xy.XYItemRenderer r, int series, int colour) {
        r.setSeriesPaint(series, PALETTE[colour % PALETTE.length]);
        r.setSeriesStroke(series, new BasicStroke(2f));
    }

    /** Several charts one above the other in one PNG, each {@link #HEIGHT} high. */
    static void stack(List<JFreeChart> charts, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double(0, i * HEIGHT, WIDTH, HEIGHT));
            }
        } finally {
            g.dispose();
        }
        createParent(file);
        ImageIO.write(image, "png", file.toFile());
    }

    static void png(JFreeChart chart, Path file) throws IOException {
        png(chart, file, WIDTH, HEIGHT);
    }

    static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        createParent(file);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    private static void createParent(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }
}

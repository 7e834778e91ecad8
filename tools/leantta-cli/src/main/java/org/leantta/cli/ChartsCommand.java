package org.leantta.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.leantta.tooling.data.Shipped;
import org.leantta.core.json.Json;

/**
 * {@code leantta charts}: the README's charts, drawn from the committed results under models/results (written by
 * tools/reproduce-results.sh and tools/hybrid-results.sh), so they take seconds and match the tables.
 */
final class ChartsCommand {
    static final String HELP = """
            leantta charts [options]
              Draws the README's charts from the committed results (seconds; nothing is re-run):
                evaluate-fp32.png, evaluate-int8.png  error per method, mean by condition and per shift
                                                      (models/results/evaluate-*.json)
                hybrid.png                            mean error per stream, fp32 and int8 (hybrid-*.txt)
                latency.png                           per-sample latency per session (bench.txt)
              --results DIR    the results (default models/results)
              --out DIR        where the charts go (default docs/images)
            """;
    private static final List<String> STREAMS = List.of("persistent", "gradual", "mixed", "clean");

    private final PrintStream out;

    ChartsCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        Path results = args.path("results", Shipped.file("models/results"));
        Path dir = args.path("out", Shipped.file("docs/images"));
        args.checkAllUsed();
        for (String model : List.of("fp32", "int8")) {
            Path png = dir.resolve("evaluate-" + model + ".png");
            ErrorChart.write(model + " model, 10,000 test images per condition", ErrorChart.fromJson(
                    Json.parseObject(read(results.resolve("evaluate-" + model + ".json")))), png);
            out.println("charts: wrote " + png);
        }
        Path hybrid = dir.resolve("hybrid.png");
        Charts.stack(List.of(streams(results, "fp32"), streams(results, "int8")), hybrid);
        out.println("charts: wrote " + hybrid);
        Path latency = dir.resolve("latency.png");
        Charts.png(latency(results), latency);
        out.println("charts: wrote " + latency);
        return 0;
    }

    /** The mean error of each method over each stream ("everything evaluated"; the clean stream's only row). */
    private static JFreeChart streams(Path results, String model) throws Exception {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (ResultText.Block b : ResultText.parse(read(results.resolve("hybrid-" + model + ".txt")))) {
            String stream = b.section().split(":")[0];
            if (STREAMS.contains(stream) && b.title().startsWith("error % -- everything evaluated")) {
                String row = stream.equals("clean") ? "clean" : "mean";
                for (String method : b.header().subList(2, b.header().size())) {
                    d.addValue(b.value(row, method), method, stream);
                }
            }
        }
        return Charts.bars(model + " model: mean error per stream (models/results/hybrid-" + model + ".txt)",
                "stream", "error %", d);
    }

    /** Median and p90 per-sample latency of every session of the bench run. */
    private static JFreeChart latency(Path results) throws Exception {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (ResultText.Block b : ResultText.parse(read(results.resolve("bench.txt")))) {
            if (b.title().startsWith("per-sample latency")) {
                for (String session : b.rows().keySet()) {
                    d.addValue(b.value(session, "median"), "median", session);
                    d.addValue(b.value(session, "p90"), "p90", session);
                }
                break;
            }
        }
        return Charts.bars("per-sample latency, batch 1, one thread (models/results/bench.txt)", "session",
                "microseconds", d);
    }

    private static String read(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no results file " + file + ": run tools/reproduce-results.sh and "
                    + "tools/hybrid-results.sh first, or give --results DIR");
        }
        return Files.readString(file);
    }
}

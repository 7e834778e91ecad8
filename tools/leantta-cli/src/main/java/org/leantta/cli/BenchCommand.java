package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtSession;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leantta.core.Defaults;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.Onnx;
import org.leantta.core.graph.Refold;
import org.leantta.core.graph.Statistics;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;

/**
 * {@code leantta bench}: batch-1 latency of the plain and the LeanTTA session (and of an int8 model's),
 * measured interleaved in one run so all see the same machine load, and the resident memory each adds.
 */
final class BenchCommand {
    static final String HELP = """
            leantta bench [options]
              --model FILE       float ONNX model with BatchNormalization layers, any fixed input shape (random
                                 inputs unless it takes 28x28 images; default: the shipped fmnist-resnet8.onnx)
              --int8 FILE        also an int8 model (from 'leantta quantize'): int8 vs fp32 ratios; a partially
                                 fused one also runs refolded (fully fused again, as the gateway's unadapted
                                 answer), adapted and hybrid
              --rule R --tau X --lambda X --layers SPEC   LeanTTA knobs (default: shipped)
              --warmup N         untimed runs per session first (default 500)
              --iterations N     timed runs per session (default 3000)
              --threads N        ONNX Runtime intra-op threads (default 1)
              --opt LEVEL        ONNX Runtime graph optimization: basic | extended | all (default all)
              --profile          also profile the sessions and print where the time goes per op type
            """;

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    /** A model and a method to run on it, as one timed row. */
    record Row(String name, ModelProto model, Method method) {
    }

    int run(Args args) throws Exception {
        Path model = args.path("model", Shipped.file(Shipped.MODEL));
        Path int8 = args.path("int8", null);
        Method leantta = new Method("leantta", "", WeightRule.parse(args.string("rule", Defaults.RULE.id())),
                args.string("layers", Defaults.LAYERS), Statistics.SAMPLE, args.number("tau", Defaults.TAU),
                args.number("lambda", Defaults.LAMBDA), 0, null);
        Method source = Method.defaults().get("source");
        int warmup = args.integer("warmup", 500);
        int iterations = args.integer("iterations", 3000);
        int threads = args.integer("threads", 1);
        boolean profile = args.flag("profile");
        SessionSettings settings = SessionSettings.threads(threads).withOptLevel(optLevel(args.string("opt", "all")));
        args.checkAllUsed();
        ModelProto fp32 = Onnx.read(model);
        Method hybrid = Method.all(leantta.rule(), leantta.layers(), leantta.tau(), leantta.lambda())
                .get("leantta-hybrid");
        List<Row> rows = new ArrayList<>(List.of(new Row("fp32 plain", fp32, source),
                new Row("fp32 leantta", fp32, leantta), new Row("fp32 hybrid", fp32, hybrid)));
        if (int8 != null) {
            rows.addAll(int8Rows(int8, source, leantta, hybrid));
        }
        out.printf("bench: %s (%d bytes)%s, batch 1, %d intra-op thread(s), %d warm-up + %d timed runs per "
                + "session, interleaved; leantta = rule %s, tau %s, lambda %s, layers %s%n", model, Files.size(model),
                int8 == null ? "" : " and " + int8 + " (" + Files.size(int8) + " bytes)", threads, warmup, iterations,
                leantta.rule().id(), leantta.tau(), leantta.lambda(), leantta.layers());
        List<Method.Runner> runners = new ArrayList<>();
        long[] rss = new long[rows.size()];
        ImageSet data;
        try (Method.Runner warm = source.open(fp32, settings, true)) {
            data = inputs(warm.session.sampleShape());
            warm.run(data.image(0), 1); // the runtime's own one-time allocations are not a session's
        }
        try {
            for (int i = 0; i < rows.size(); i++) {
                long before = Memory.residentBytes();
                runners.add(rows.get(i).method().open(rows.get(i).model(), settings, true));
                runners.get(i).run(data.image(0), 1);
                rss[i] = Memory.residentBytes() - before;
            }
            long[][] t = time(runners, data, warmup, iterations);
            report(rows, t, rss);
        } finally {
            for (Method.Runner r : runners) {
                r.close();
            }
        }
        if (profile) {
            profile(rows, data, settings);
        }
        return 0;
    }

    /** Kernel profiles: each model plain against adapted, fp32 plain against int8, int8 against refolded. */
    private void profile(List<Row> rows, ImageSet data, SessionSettings settings) throws Exception {
        Profiler p = new Profiler(out);
        List<String[]> pairs = List.of(new String[] {"fp32 plain", "fp32 leantta"},
                new String[] {"int8 plain", "int8 leantta"}, new String[] {"fp32 plain", "int8 plain"},
                new String[] {"int8 plain", "int8 plain refolded"});
        for (String[] pair : pairs) {
            int a = index(rows, pair[0]);
            int b = index(rows, pair[1]);
            if (a >= 0 && b >= 0) {
                p.compare(side(rows.get(a)), side(rows.get(b)), data, settings);
            }
        }
    }

    private static Profiler.Side side(Row r) {
        return new Profiler.Side(r.name(), r.model(), r.method());
    }

    /**
     * The int8 model plain, as quantized and refolded (its partially fused layers fused completely, the form the
     * gateway runs for the unadapted answer), then adapted and hybrid if it has layers left to adapt.
     */
    private List<Row> int8Rows(Path int8, Method source, Method leantta, Method hybrid) throws Exception {
        ModelProto q = Onnx.read(int8);
        List<Row> rows = new ArrayList<>(List.of(new Row("int8 plain", q, source)));
        ModelProto refolded = Refold.of(q);
        if (refolded != q) {
            rows.add(new Row("int8 plain refolded", refolded, source));
        }
        if (q.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("BatchNormalization"))) {
            rows.add(new Row("int8 leantta", q, leantta));
            rows.add(new Row("int8 hybrid", q, hybrid));
        } else {
            out.printf("bench: %s is fully fused (no BatchNormalization left): int8 plain only%n", int8);
        }
        return rows;
    }

    /** The shipped test images for a Fashion-MNIST-shaped model, else random inputs of the model's shape. */
    private ImageSet inputs(long[] sampleShape) {
        ImageSet shipped = Shipped.testSet();
        if (Arrays.equals(sampleShape, new long[] {shipped.channels(), shipped.height(), shipped.width()})) {
            return shipped.limit(256);
        }
        out.printf("bench: input %s per sample: random values in [0, 1]%n", Arrays.toString(sampleShape));
        return SyntheticInputs.of(sampleShape, 64, 1);
    }

    static OrtSession.SessionOptions.OptLevel optLevel(String s) {
        return switch (s) {
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "all" -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            default -> throw new Args.UsageException("--opt expects basic, extended or all, got '" + s + "'");
        };
    }

    /** Timed runs, interleaved run by run and rotating the order each round; ns per run per runner. */
    static long[][] time(List<Method.Runner> runners, ImageSet data, int warmup, int iterations) throws Exception {
        return time(runners, data, warmup, iterations, 1);
    }

    /**
     * Timed runs, interleaved in blocks of {@code block} consecutive runs per runner (rotating the order each
     * round), so that all see the same machine load; ns per run per runner. With many sessions, blocks keep each
     * one as warm in the caches as a gateway keeps the one it runs.
     */
    static long[][] time(List<Method.Runner> runners, ImageSet data, int warmup, int iterations, int block)
            throws Exception {
        int n = runners.size();
        int total = warmup + iterations;
        long[][] t = new long[n][iterations];
        float[][] samples = new float[data.count()][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = data.image(i);
        }
        for (int first = 0; first < total; first += block) {
            for (int k = 0; k < n; k++) {
                int r = (first / block + k) % n;
                for (int i = first; i < Math.min(first + block, total); i++) {
                    long start = System.nanoTime();
                    runners.get(r).run(samples[i % samples.length], 1);
                    long ns = System.nanoTime() - start;
                    if (i >= warmup) {
                        t[r][i - warmup] = ns;
                    }
                }
            }
        }
        for (long[] row : t) {
            Arrays.sort(row);
        }
        return t;
    }

    /** Ratios of medians (and tails) in the same run: numerator row, denominator row, and how to name it. */
    private static final String[][] RATIOS = {
        {"fp32 leantta", "fp32 plain", "adaptation latency ratio"},
        {"fp32 hybrid", "fp32 leantta", "hybrid latency ratio"},
        {"int8 plain", "fp32 plain", "int8 plain vs fp32 plain"},
        {"int8 plain refolded", "fp32 plain", "int8 refolded vs fp32 plain"},
        {"int8 leantta", "int8 plain", "int8 adaptation latency ratio"},
        {"int8 leantta", "int8 plain refolded", "int8 adaptation vs the refolded model"},
        {"int8 hybrid", "int8 leantta", "int8 hybrid latency ratio"},
    };

    private void report(List<Row> rows, long[][] t, long[] rss) {
        Table table = new Table("per-sample latency (microseconds) and the resident memory each session added",
                "session", "median", "p90", "p99", "mean", "RSS MB");
        for (int i = 0; i < rows.size(); i++) {
            table.row(rows.get(i).name(), us(q(t[i], 0.5)), us(q(t[i], 0.9)), us(q(t[i], 0.99)), us(mean(t[i])),
                    String.format("%.1f", rss[i] / 1e6));
        }
        table.print(out);
        Table ratios = new Table("latency ratios (same run)", "ratio", "median", "p90", "p99");
        List<String> summary = new ArrayList<>();
        for (String[] r : RATIOS) {
            int a = index(rows, r[0]);
            int b = index(rows, r[1]);
            if (a >= 0 && b >= 0) {
                ratios.row(ratioRow(r[0] + " / " + r[1], t[a], t[b]));
                summary.add(String.format("%s (median, %s / %s): %.2fx", r[2], r[0], r[1],
                        q(t[a], 0.5) / q(t[b], 0.5)));
            }
        }
        ratios.print(out);
        out.println();
        summary.forEach(out::println);
    }

    private static int index(List<Row> rows, String name) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String[] ratioRow(String name, long[] a, long[] b) {
        return new String[] {name, String.format("%.2fx", q(a, 0.5) / q(b, 0.5)),
            String.format("%.2fx", q(a, 0.9) / q(b, 0.9)), String.format("%.2fx", q(a, 0.99) / q(b, 0.99))};
    }

    static double q(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    static double mean(long[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static String us(double ns) {
        return String.format("%.1f", ns / 1000);
    }
}

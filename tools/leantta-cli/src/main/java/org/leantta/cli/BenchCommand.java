package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.leantta.core.Defaults;
import org.leantta.core.WeightRule;
import org.leantta.core.data.ImageSet;
import org.leantta.core.data.Shipped;
import org.leantta.core.graph.Onnx;
import org.leantta.core.graph.Statistics;
import org.leantta.onnx.SessionSettings;

/**
 * {@code leantta bench}: batch-1 latency of the plain and the LeanTTA session, measured interleaved in one
 * run so both see the same machine load, and the resident memory each session adds.
 */
final class BenchCommand {
    static final String HELP = """
            leantta bench [options]
              --model FILE       ONNX model (default: the shipped fmnist-resnet8.onnx)
              --rule R --tau X --lambda X --layers SPEC   LeanTTA knobs (default: shipped)
              --warmup N         untimed runs per session first (default 500)
              --iterations N     timed runs per session (default 3000)
              --threads N        ONNX Runtime intra-op threads (default 1)
              --opt LEVEL        ONNX Runtime graph optimization: basic | extended | all (default all)
              --profile          also profile both sessions and print where the time goes per op type
            """;

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        Path model = args.path("model", Shipped.file(Shipped.MODEL));
        Method leantta = new Method("leantta", "", WeightRule.parse(args.string("rule", Defaults.RULE.id())),
                args.string("layers", Defaults.LAYERS), Statistics.SAMPLE, args.number("tau", Defaults.TAU),
                args.number("lambda", Defaults.LAMBDA), 0);
        Method source = Method.defaults().get("source");
        int warmup = args.integer("warmup", 500);
        int iterations = args.integer("iterations", 3000);
        int threads = args.integer("threads", 1);
        boolean profile = args.flag("profile");
        SessionSettings settings = SessionSettings.threads(threads).withOptLevel(optLevel(args.string("opt", "all")));
        args.checkAllUsed();
        ModelProto proto = Onnx.read(model);
        ImageSet data = Shipped.testSet().limit(256);
        out.printf("bench: model %s (sha256 %s), batch 1, %d intra-op thread(s), %d warm-up + %d timed runs each,"
                + " interleaved%n", model, Sha256.of(model), threads, warmup, iterations);
        long rss0 = Memory.residentBytes();
        try (Method.Runner plain = source.open(proto, settings)) {
            long rss1 = Memory.residentBytes();
            try (Method.Runner adapted = leantta.open(proto, settings)) {
                long rss2 = Memory.residentBytes();
                out.printf("adapted layers: %d of the model's BatchNormalization layers (%s), rule %s, tau %s, "
                        + "lambda %s%n", adapted.session.layers().size(), leantta.layers(), leantta.rule().id(),
                        leantta.tau(), leantta.lambda());
                long[][] t = time(List.of(plain, adapted), data, warmup, iterations);
                long rss3 = Memory.residentBytes();
                report(t, rss1 - rss0, rss2 - rss1, rss3);
            }
        }
        if (profile) {
            new Profiler(out).compare(proto, source, leantta, data, settings);
        }
        return 0;
    }

    static ai.onnxruntime.OrtSession.SessionOptions.OptLevel optLevel(String s) {
        return switch (s) {
            case "basic" -> ai.onnxruntime.OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> ai.onnxruntime.OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "all" -> ai.onnxruntime.OrtSession.SessionOptions.OptLevel.ALL_OPT;
            default -> throw new Args.UsageException("--opt expects basic, extended or all, got '" + s + "'");
        };
    }

    /** Timed runs, interleaved and alternating the order each round; ns per run per runner. */
    static long[][] time(List<Method.Runner> runners, ImageSet data, int warmup, int iterations) throws Exception {
        long[][] t = new long[runners.size()][iterations];
        float[][] samples = new float[data.count()][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = data.image(i);
        }
        for (int i = 0; i < warmup + iterations; i++) {
            float[] x = samples[i % samples.length];
            for (int k = 0; k < runners.size(); k++) {
                int r = (i % 2 == 0) ? k : runners.size() - 1 - k;
                long start = System.nanoTime();
                runners.get(r).run(x, 1);
                long ns = System.nanoTime() - start;
                if (i >= warmup) {
                    t[r][i - warmup] = ns;
                }
            }
        }
        return t;
    }

    private void report(long[][] t, long plainRss, long adaptedRss, long totalRss) {
        long[] p = t[0].clone();
        long[] a = t[1].clone();
        Arrays.sort(p);
        Arrays.sort(a);
        Table table = new Table("per-sample latency (microseconds) and memory", "session", "median", "p90", "p99",
                "mean", "session RSS MB");
        table.row(row("plain", p, plainRss));
        table.row(row("leantta", a, adaptedRss));
        table.row("leantta / plain", ratio(a, p, 0.5), ratio(a, p, 0.9), ratio(a, p, 0.99),
                String.format("%.2fx", mean(a) / mean(p)), "");
        table.print(out);
        out.printf("%nadaptation latency ratio (median, leantta / plain): %s%n", ratio(a, p, 0.5));
        out.printf("process resident memory after the runs: %.1f MB%n", totalRss / 1e6);
    }

    private static String[] row(String name, long[] sorted, long rss) {
        return new String[] {name, us(q(sorted, 0.5)), us(q(sorted, 0.9)), us(q(sorted, 0.99)), us(mean(sorted)),
            String.format("%.1f", rss / 1e6)};
    }

    private static String ratio(long[] a, long[] p, double q) {
        return String.format("%.2fx", q(a, q) / q(p, q));
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

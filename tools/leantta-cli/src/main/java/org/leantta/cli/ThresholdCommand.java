package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.leantta.core.graph.Onnx;
import org.leantta.onnx.HybridAdapter;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruption;
import org.leantta.tooling.shift.Corruptions;

/**
 * {@code leantta threshold}: the shift score's distribution on the validation split, clean and shifted, and the
 * out-of-distribution threshold it suggests (a high quantile of the clean scores); for stateless LeanTTA and for
 * the gateway's hybrid mode, which scores each sample from its one run (see {@link org.leantta.onnx.HybridAdapter}).
 */
final class ThresholdCommand {
    static final String HELP = """
            leantta threshold [options]
              Shift scores of the shipped LeanTTA settings on the validation split (training images 55000-59999),
              clean and under every library shift, stateless and in hybrid mode (each condition a stream of its
              own from a fresh state, as one sensor), and the threshold at the --quantile of the clean stateless
              scores.
              --model FILE     model (default models/fmnist-resnet8-int8.onnx, the gateway's built-in model)
              --limit N        validation images (default 2000)
              --severity S     severity of the shifted scores (default 3)
              --quantile Q     clean quantile for the threshold (default 0.99)
            """;

    private final PrintStream out;

    ThresholdCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        Path modelPath = args.path("model", Shipped.file("models/fmnist-resnet8-int8.onnx"));
        int limit = args.integer("limit", 2000);
        int severity = args.integer("severity", 3);
        double q = Double.parseDouble(args.string("quantile", "0.99"));
        args.checkAllUsed();
        if (!(q > 0 && q < 1)) {
            throw new Args.UsageException("--quantile must be in (0, 1), got " + q);
        }
        ImageSet val = Shipped.validationSet().limit(limit);
        ModelProto proto = Onnx.read(modelPath);
        Map<String, Method> methods = Method.defaults();
        try (Method.Runner stateless = methods.get("leantta").open(proto, SessionSettings.defaults(), true);
             Method.Runner hybrid = methods.get("leantta-hybrid").open(proto, SessionSettings.defaults())) {
            float[][] clean = scores(stateless, hybrid, val, null, severity);
            float threshold = quantile(clean[0], q);
            out.printf("shift scores on %d validation images, %s (shipped LeanTTA settings); flagged: above the "
                    + "stateless clean quantile %.3f%n", val.count(), modelPath, q);
            Table t = new Table("shift score quantiles and flagged %, stateless and hybrid", "condition",
                    "stateless p50", "p90", "p99", "max", "flagged %", "hybrid p50", "p90", "p99", "max",
                    "flagged %");
            t.row(row("clean", clean, threshold));
            for (Corruption c : Corruptions.all()) {
                t.row(row(c.name() + "@" + severity, scores(stateless, hybrid, val, c, severity), threshold));
            }
            t.print(out);
            out.printf("%nsuggested shift threshold (clean quantile %.3f): %.4f (stateless); the hybrid's clean "
                    + "quantile: %.4f%n", q, threshold, quantile(clean[1], q));
        }
        return 0;
    }

    /** Per image the stateless score and the hybrid's, the images going through the hybrid in order. */
    private static float[][] scores(Method.Runner stateless, Method.Runner hybrid, ImageSet data, Corruption c,
                                    int severity) throws Exception {
        float[][] s = new float[2][data.count()];
        HybridAdapter stream = hybrid.stream();
        for (int i = 0; i < data.count(); i++) {
            float[] x = data.image(i);
            if (c != null) {
                x = Corruptions.apply(c, x, data.channels(), data.height(), data.width(), severity, 7, i);
            }
            s[0][i] = stateless.run(x, 1).shift(0, null);
            s[1][i] = stream.predict(x, hybrid.knobs()).sourceShift();
        }
        return s;
    }

    private static String[] row(String name, float[][] s, float threshold) {
        List<String> cells = new ArrayList<>(List.of(name));
        for (float[] v : s) {
            int flagged = 0;
            for (float x : v) {
                flagged += x > threshold ? 1 : 0;
            }
            for (double q : new double[] {0.5, 0.9, 0.99, 1}) {
                cells.add(String.format("%.4f", quantile(v, q)));
            }
            cells.add(String.format("%.1f", 100.0 * flagged / v.length));
        }
        return cells.toArray(new String[0]);
    }

    private static float quantile(float[] values, double q) {
        float[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
    }
}

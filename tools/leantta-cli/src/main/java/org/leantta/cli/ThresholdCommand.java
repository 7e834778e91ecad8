package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.leantta.core.data.ImageSet;
import org.leantta.core.data.Shipped;
import org.leantta.core.graph.Onnx;
import org.leantta.core.shift.Corruption;
import org.leantta.core.shift.Corruptions;
import org.leantta.onnx.SessionSettings;

/**
 * {@code leantta threshold}: the shift score's distribution on the validation split, clean and shifted, and the
 * out-of-distribution threshold it suggests (a high quantile of the clean scores).
 */
final class ThresholdCommand {
    static final String HELP = """
            leantta threshold [options]
              Shift scores of the shipped LeanTTA settings on the validation split (training images 55000-59999),
              clean and under every library shift, and the threshold at the --quantile of the clean scores.
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
        try (Method.Runner leantta = Method.defaults().get("leantta").open(proto, SessionSettings.defaults(), true)) {
            float[] clean = scores(leantta, val, null, severity);
            float threshold = quantile(clean, q);
            out.printf("shift scores on %d validation images, %s (shipped LeanTTA settings)%n", val.count(), modelPath);
            out.printf("%-18s %8s %8s %8s %8s %10s%n", "condition", "p50", "p90", "p99", "max",
                    "flagged %");
            print("clean", clean, threshold);
            for (Corruption c : Corruptions.all()) {
                print(c.name() + "@" + severity, scores(leantta, val, c, severity), threshold);
            }
            out.printf("suggested shift threshold (clean quantile %.3f): %.4f%n", q, threshold);
        }
        return 0;
    }

    private static float[] scores(Method.Runner r, ImageSet data, Corruption c, int severity) throws Exception {
        float[] s = new float[data.count()];
        for (int i = 0; i < s.length; i++) {
            float[] x = data.image(i);
            if (c != null) {
                x = Corruptions.apply(c, x, data.channels(), data.height(), data.width(), severity, 7, i);
            }
            s[i] = r.run(x, 1).shift(0, null);
        }
        return s;
    }

    private void print(String name, float[] s, float threshold) {
        int flagged = 0;
        for (float v : s) {
            flagged += v > threshold ? 1 : 0;
        }
        out.printf("%-18s %8.4f %8.4f %8.4f %8.4f %10.1f%n", name, quantile(s, 0.5), quantile(s, 0.9),
                quantile(s, 0.99), quantile(s, 1), 100.0 * flagged / s.length);
    }

    private static float quantile(float[] values, double q) {
        float[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
    }
}

package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.leantta.core.data.ImageSet;
import org.leantta.core.data.Shipped;
import org.leantta.core.graph.Onnx;
import org.leantta.core.shift.Corruption;
import org.leantta.core.shift.Corruptions;
import org.leantta.core.shift.StreamItem;
import org.leantta.core.shift.Streams;
import org.leantta.onnx.Output;
import org.leantta.onnx.SessionSettings;

/**
 * {@code leantta demo}: replays the test split one sample at a time through a changing shift schedule and
 * prints the rolling accuracy of the unadapted and the LeanTTA model with the shift score.
 */
final class DemoCommand {
    static final String HELP = """
            leantta demo [options]
              --count N        samples to replay (default: until Ctrl-C)
              --duration S     stop after S seconds
              --every N        print a line every N samples (default 250)
              --window N       rolling window of the accuracies (default 500)
              --block N        samples per shift of the schedule (default 1000)
              --shifts LIST    the schedule's shifts (default: a mix of families), severity --severity (default 4)
            """;

    private final PrintStream out;
    private volatile boolean stop;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        long count = args.integer("count", Integer.MAX_VALUE);
        long duration = args.integer("duration", Integer.MAX_VALUE);
        int every = args.integer("every", 250);
        int window = args.integer("window", 500);
        int block = args.integer("block", 1000);
        int severity = args.integer("severity", 4);
        String shiftSpec = args.string("shifts", "gaussian-noise,fog,contrast,motion-blur,gain-offset");
        Path modelPath = args.path("model", Shipped.file(Shipped.MODEL));
        args.checkAllUsed();
        List<Corruption> shifts = Corruptions.parse(shiftSpec);
        ImageSet data = Shipped.testSet();
        ModelProto proto = Onnx.read(modelPath);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stop = true;
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.lang.Runtime.getRuntime().addShutdownHook(hook);
        out.printf("demo: replaying the Fashion-MNIST test split, %d samples per condition: clean, then %s at "
                + "severity %d, repeating; Ctrl-C stops%n", block, shiftSpec, severity);
        try (Method.Runner source = Method.defaults().get("source").open(proto, SessionSettings.defaults());
             Method.Runner leantta = Method.defaults().get("leantta").open(proto, SessionSettings.defaults())) {
            replay(data, schedule(data.count(), shifts, severity, block), source, leantta, count,
                    System.nanoTime() + Math.min(duration, Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L, every,
                    window);
        }
        if (!stop) {
            java.lang.Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }

    private static List<StreamItem> schedule(int n, List<Corruption> shifts, int severity, int block) {
        List<StreamItem> items = new ArrayList<>(Streams.clean(n, block, 1));
        items.addAll(Streams.persistent(n, shifts, severity, block, 2));
        return items;
    }

    private void replay(ImageSet data, List<StreamItem> schedule, Method.Runner source, Method.Runner leantta,
                        long count, long deadline, int every, int window) throws Exception {
        Deque<int[]> recent = new ArrayDeque<>();
        int[] sums = new int[2];
        double shiftSum = 0;
        out.printf("%9s  %-16s %13s %13s %8s%n", "samples", "condition", "source acc %", "leantta acc %", "shift");
        for (long i = 0; i < count && !stop && System.nanoTime() < deadline; i++) {
            StreamItem item = schedule.get((int) (i % schedule.size()));
            float[] x = item.apply(data.image(item.sampleIndex()), data.channels(), data.height(), data.width(), i);
            int label = data.label(item.sampleIndex());
            Output a = leantta.run(x, 1);
            int[] hit = {source.run(x, 1).argmax(0) == label ? 1 : 0, a.argmax(0) == label ? 1 : 0};
            recent.addLast(hit);
            sums[0] += hit[0];
            sums[1] += hit[1];
            if (recent.size() > window) {
                int[] old = recent.removeFirst();
                sums[0] -= old[0];
                sums[1] -= old[1];
            }
            shiftSum += a.shift(0, null);
            if ((i + 1) % every == 0) {
                out.printf("%9d  %-16s %13.1f %13.1f %8.4f%n", i + 1,
                        item.isClean() ? "clean" : item.shiftName() + "@" + item.severity(),
                        100.0 * sums[0] / recent.size(), 100.0 * sums[1] / recent.size(), shiftSum / every);
                shiftSum = 0;
            }
        }
        out.println("demo: stopped");
    }
}

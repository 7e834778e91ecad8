package org.leantta.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.leantta.core.json.Json;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;

/**
 * {@code leantta bench-json}: time and memory of the JSON steps on a gateway's hot path, per message: decoding a
 * 784-value sample as the bridge does (strict UTF-8, parse, the "data" array into floats) and writing a
 * prediction. The cases run interleaved, round after round, so that all see the same machine load.
 */
final class BenchJsonCommand {
    static final String HELP = """
            leantta bench-json [options]
              --samples N      distinct samples, test images in turn (default 200)
              --warmup N       untimed operations per case first (default 20000)
              --iterations N   operations per case and round (default 5000)
              --rounds N       timed rounds (default 21); the table gives the median and the best round
            """;

    private final PrintStream out;
    private double sink;

    BenchJsonCommand(PrintStream out) {
        this.out = out;
    }

    /** One timed operation over prepared inputs; returns a value that depends on the whole result. */
    record Case(String name, List<byte[]> inputs, ToDoubleFunction<byte[]> op) {
        double bytes() {
            return inputs.stream().mapToInt(b -> b.length).average().orElse(0);
        }
    }

    int run(Args args) {
        int samples = args.integer("samples", 200);
        int warmup = args.integer("warmup", 20_000);
        int iterations = args.integer("iterations", 5_000);
        int rounds = args.integer("rounds", 21);
        args.checkAllUsed();
        ImageSet images = Shipped.testSet();
        List<Case> cases = cases(images, Math.min(samples, images.count()));
        out.printf("bench-json: %d samples of the test split, %d warm-up + %d rounds x %d operations per case, "
                + "interleaved; Java %s%n", samples, warmup, rounds, iterations, Runtime.version());
        for (Case c : cases) {
            time(c, warmup);
        }
        long[][] nanos = new long[cases.size()][rounds];
        long[] allocated = new long[cases.size()];
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < cases.size(); c++) {
                long before = allocatedBytes();
                nanos[c][r] = time(cases.get(c), iterations);
                allocated[c] += allocatedBytes() - before;
            }
        }
        print(cases, nanos, allocated, (long) rounds * iterations);
        return 0;
    }

    private List<Case> cases(ImageSet images, int n) {
        List<byte[]> uint8 = new ArrayList<>();
        List<byte[]> float32 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            uint8.add(sample("s-" + i, images.image(i), true));
            float32.add(sample("s-" + i, images.image(i), false));
        }
        List<byte[]> prediction = List.of(prediction());
        return List.of(new Case("sample, uint8 encoding (784 integers)", uint8, BenchJsonCommand::decode),
                new Case("sample, float32 (784 decimals)", float32, BenchJsonCommand::decode),
                new Case("prediction written (Json.compact)", prediction, p -> prediction().length));
    }

    /** A sample as a sensor sends it: uint8 pixel values, or the model's float inputs. */
    static byte[] sample(String id, float[] image, boolean uint8) {
        StringBuilder b = new StringBuilder("{\"id\":\"").append(id).append("\",\"ts\":1700000000000,");
        b.append(uint8 ? "\"encoding\":\"uint8\"," : "").append("\"data\":[");
        for (int k = 0; k < image.length; k++) {
            b.append(k == 0 ? "" : ",");
            if (uint8) {
                b.append(Math.round(image[k] * 255));
            } else {
                b.append(image[k]);
            }
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bridge's steps for a JSON sample: strict UTF-8, the object, its "data" array as floats. */
    static double decode(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(e);
        }
        Map<String, Object> m = Json.parseObject(text);
        List<?> data = (List<?>) m.get("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Number) data.get(i)).floatValue();
        }
        return values[values.length - 1] + values.length + m.size();
    }

    /** A prediction as the bridge publishes it (the fields of a prediction without the unadapted answer). */
    private static byte[] prediction() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sensor", "cam-1");
        p.put("id", "s-42");
        p.put("ts", 1_700_000_000_000L);
        p.put("class", 7);
        p.put("label", "Sneaker");
        p.put("confidence", 0.9734f);
        p.put("shift", 0.0412);
        p.put("outOfDistribution", false);
        p.put("adapted", true);
        p.put("latencyMicros", 431L);
        return Json.compact(p).getBytes(StandardCharsets.UTF_8);
    }

    private long time(Case c, int iterations) {
        List<byte[]> inputs = c.inputs();
        long start = System.nanoTime();
        double acc = 0;
        for (int i = 0; i < iterations; i++) {
            acc += c.op().applyAsDouble(inputs.get(i % inputs.size()));
        }
        long took = System.nanoTime() - start;
        sink += acc;
        return took;
    }

    private void print(List<Case> cases, long[][] nanos, long[] allocated, long operations) {
        int iterations = (int) (operations / nanos[0].length);
        Table t = new Table("per operation (median and best of " + nanos[0].length + " rounds)", "case", "bytes",
                "median µs", "best µs", "MB/s (median)", "allocated kB");
        for (int c = 0; c < cases.size(); c++) {
            long[] sorted = nanos[c].clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2] / 1e3 / iterations;
            double best = sorted[0] / 1e3 / iterations;
            double bytes = cases.get(c).bytes();
            t.row(cases.get(c).name(), String.format("%.0f", bytes), String.format("%.2f", median),
                    String.format("%.2f", best), bytes == 0 ? "-" : String.format("%.0f", bytes / median),
                    String.format("%.1f", allocated[c] / 1024.0 / operations));
        }
        t.print(out);
        out.printf("(checksum %.0f)%n", sink);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}

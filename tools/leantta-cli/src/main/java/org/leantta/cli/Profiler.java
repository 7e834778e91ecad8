package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.ImageSet;

/** Where the time of a run goes, per op type, from ONNX Runtime's own profiler. */
final class Profiler {
    private static final Pattern EVENT = Pattern.compile(
            "\"cat\"\\s*:\\s*\"Node\".*?\"dur\"\\s*:\\s*(\\d+).*?\"name\"\\s*:\\s*\"([^\"]*)_kernel_time\".*?"
                    + "\"op_name\"\\s*:\\s*\"([^\"]+)\"");
    private static final int RUNS = 300;

    private final PrintStream out;

    Profiler(PrintStream out) {
        this.out = out;
    }

    /** One session of a comparison: its column label, its model and how it runs. */
    record Side(String label, ModelProto proto, Method method) {
    }

    /** Kernel time of two sessions by op type, sorted by the second's. */
    void compare(Side first, Side second, ImageSet data, SessionSettings settings) throws Exception {
        Map<String, double[]> a = profile(first.proto(), first.method(), data, settings);
        Map<String, double[]> b = profile(second.proto(), second.method(), data, settings);
        Table t = new Table("ONNX Runtime kernel time per run by op type (microseconds; ops per run)",
                "op type", first.label() + " us", first.label() + " ops", second.label() + " us",
                second.label() + " ops");
        Map<String, double[]> keys = new TreeMap<>(a);
        b.forEach(keys::putIfAbsent);
        List<Map.Entry<String, double[]>> sorted = new ArrayList<>(keys.entrySet());
        sorted.sort((x, y) -> Double.compare(b.getOrDefault(y.getKey(), new double[2])[0],
                b.getOrDefault(x.getKey(), new double[2])[0]));
        double[] total = new double[4];
        for (Map.Entry<String, double[]> e : sorted) {
            double[] pa = a.getOrDefault(e.getKey(), new double[2]);
            double[] pb = b.getOrDefault(e.getKey(), new double[2]);
            t.row(e.getKey(), f(pa[0]), f(pa[1]), f(pb[0]), f(pb[1]));
            total[0] += pa[0];
            total[1] += pa[1];
            total[2] += pb[0];
            total[3] += pb[1];
        }
        t.row("total", f(total[0]), f(total[1]), f(total[2]), f(total[3]));
        t.print(out);
    }

    private static String f(double v) {
        return String.format("%.1f", v);
    }

    /** op type -> {microseconds per run, ops per run}. */
    private Map<String, double[]> profile(ModelProto proto, Method method, ImageSet data, SessionSettings settings)
            throws Exception {
        Path dir = Files.createTempDirectory("leantta-profile");
        String prefix = dir.resolve(method.name()).toString();
        String file;
        try (Method.Runner r = method.open(proto, settings.withProfile(prefix), true)) {
            for (int i = 0; i < RUNS; i++) {
                r.run(data.image(i % data.count()), 1);
            }
            file = r.session.endProfiling();
        }
        Map<String, double[]> byOp = new HashMap<>();
        Matcher m = EVENT.matcher(Files.readString(Path.of(file)));
        while (m.find()) {
            double[] v = byOp.computeIfAbsent(m.group(3), k -> new double[2]);
            v[0] += Double.parseDouble(m.group(1)) / RUNS;
            v[1] += 1.0 / RUNS;
        }
        Files.deleteIfExists(Path.of(file));
        Files.deleteIfExists(dir);
        return byOp;
    }
}

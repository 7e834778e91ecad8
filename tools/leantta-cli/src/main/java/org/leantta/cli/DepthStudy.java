package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leantta.core.graph.Statistics;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.shift.StreamItem;

/**
 * The layer-depth trade-off: error and batch-1 latency of LeanTTA for several sets of adapted layers
 * (none, first k, last k, all), measured on the same samples and, for latency, interleaved in one run.
 */
final class DepthStudy {
    private final PrintStream out;

    DepthStudy(PrintStream out) {
        this.out = out;
    }

    void run(ModelProto model, ImageSet data, Method leantta, List<String> selections,
             List<List<StreamItem>> segments, long seed, int threads) throws Exception {
        List<Method> methods = new ArrayList<>();
        methods.add(Method.defaults().get("source"));
        for (String s : selections) {
            methods.add(new Method("leantta[" + s.trim() + "]", "", leantta.rule(), s.trim(), Statistics.SAMPLE,
                    leantta.tau(), leantta.lambda(), 0, null));
        }
        List<Method.Runner> runners = new ArrayList<>();
        try {
            for (Method m : methods) {
                runners.add(m.open(model, SessionSettings.threads(1)));
            }
            Map<String, Evaluation.Cell> cells = new Evaluation(data, runners, null, seed, threads).run(segments);
            Results results = new Results(methods, cells, null);
            results.print(out, false, false);
            print(results, runners, latencies(model, methods, data));
        } finally {
            for (Method.Runner r : runners) {
                r.close();
            }
        }
    }

    /**
     * Batch-1 latencies of the methods on sessions compiled for one sample per run, as a gateway runs them; in
     * blocks of 50 runs per session, since nine sessions run by run would each start cold in the caches.
     */
    private static long[][] latencies(ModelProto model, List<Method> methods, ImageSet data) throws Exception {
        List<Method.Runner> single = new ArrayList<>();
        try {
            for (Method m : methods) {
                single.add(m.open(model, SessionSettings.threads(1), true));
            }
            return BenchCommand.time(single, data.limit(256), 200, 1000, 50);
        } finally {
            for (Method.Runner r : single) {
                r.close();
            }
        }
    }

    private void print(Results results, List<Method.Runner> runners, long[][] t) {
        List<Evaluation.Cell> clean = results.clean();
        List<Evaluation.Cell> shifted = results.shifted();
        double srcShift = results.error(0, shifted);
        Table table = new Table("layer depth: error % and batch-1 latency (microseconds, median, same run)",
                "adapted layers", "count", "clean", "shifted", "reduction", "latency", "vs plain");
        double plain = BenchCommand.q(t[0], 0.5);
        for (int m = 0; m < runners.size(); m++) {
            Method.Runner r = runners.get(m);
            double s = results.error(m, shifted);
            table.row(r.method.name(), String.valueOf(r.session.layers().size()), Table.pct(results.error(m, clean)),
                    Table.pct(s), m == 0 ? "" : Table.signedPct((srcShift - s) / srcShift),
                    String.format("%.1f", BenchCommand.q(t[m], 0.5) / 1000),
                    String.format("%.2fx", BenchCommand.q(t[m], 0.5) / plain));
        }
        table.print(out);
    }
}

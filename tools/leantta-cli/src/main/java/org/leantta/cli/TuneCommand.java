package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.Onnx;
import org.leantta.core.graph.Statistics;
import org.leantta.core.json.Json;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruptions;
import org.leantta.tooling.shift.StreamItem;

/**
 * {@code leantta tune}: grid search of LeanTTA's rule, tau, lambda and adapted layers on the validation split
 * (training images held out from training). The objective is the mean error over all shifted conditions,
 * among settings whose clean error is at most {@code --clean-budget} percentage points above the source model.
 */
final class TuneCommand {
    static final String HELP = """
            leantta tune [options]
              --model FILE          ONNX model (default: the shipped fmnist-resnet8.onnx)
              --limit N             validation images per shifted condition (default 500; clean uses all 5000)
              --shifts LIST         shifts (default all)    --severities LIST (default 3,5)
              --rules LIST          default paper,code
              --taus LIST           default 0.5,0.7,0.9,0.95
              --lambdas LIST        default 0.5,0.9,1,2 (the code rule skips values above 1)
              --layers LIST         layer selections separated by ';' (default all)
              --near PP             prefer fewer adapted layers (faster) among eligible settings whose shifted
                                    error is within PP percentage points of the best (default 0.5)
              --clean-budget PP     allowed clean-error rise in percentage points (default 0.2)
              --top N               rows to print (default 15)
              --threads N --seed N  --json FILE
            """;

    private final PrintStream out;

    TuneCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        Path model = args.path("model", Shipped.file(Shipped.MODEL));
        int limit = args.integer("limit", 500);
        String shifts = args.string("shifts", "all");
        int[] severities = EvaluateCommand.severities(args.string("severities", "3,5"));
        String[] rules = args.string("rules", "paper,code").split(",");
        float[] taus = floats(args.string("taus", "0.5,0.7,0.9,0.95"));
        float[] lambdas = floats(args.string("lambdas", "0.5,0.9,1,2"));
        String[] layers = args.string("layers", "all").split(";");
        double budget = args.decimal("clean-budget", 0.2) / 100.0;
        double near = args.decimal("near", 0.5) / 100.0;
        int top = args.integer("top", 15);
        int threads = args.integer("threads", java.lang.Runtime.getRuntime().availableProcessors());
        long seed = args.integer("seed", 0);
        Path json = args.path("json", null);
        args.checkAllUsed();
        List<Method> grid = new ArrayList<>();
        grid.add(Method.defaults().get("source"));
        for (String rule : rules) {
            WeightRule r = WeightRule.parse(rule);
            for (String l : layers) {
                for (float tau : taus) {
                    for (float lambda : lambdas) {
                        if (r == WeightRule.CODE && lambda > 1) {
                            // a factor above 1 only saturates w = lambda*d at 1 (clamped) from d = 1/lambda on
                            continue;
                        }
                        grid.add(new Method(r.id() + " tau=" + tau + " lambda=" + lambda + " layers=" + l.trim(), "",
                                r, l.trim(), Statistics.SAMPLE, tau, lambda, 0, null));
                    }
                }
            }
        }
        ImageSet data = Shipped.validationSet();
        int shiftedCount = Math.min(limit, data.count());
        out.printf("tune: %d settings on the validation split (training images 55000-59999, never trained on): "
                + "clean on all %d, shifts %s at severities %s on the first %d each; seed %d%n", grid.size() - 1,
                data.count(), shifts, java.util.Arrays.toString(severities), shiftedCount, seed);
        ModelProto proto = Onnx.read(model);
        List<List<StreamItem>> segments = new java.util.ArrayList<>(
                EvaluateCommand.conditions(data.count(), List.of(), new int[0], true));
        segments.addAll(EvaluateCommand.conditions(shiftedCount, Corruptions.parse(shifts), severities, false));
        Results results = EvaluateCommand.evaluate(proto, data, grid, segments, seed, threads);
        return report(results, grid, budget, near, top, json, proto);
    }

    private int report(Results results, List<Method> grid, double budget, double near, int top, Path json,
                       ModelProto proto) throws Exception {
        List<Evaluation.Cell> clean = results.clean();
        List<Evaluation.Cell> shifted = results.shifted();
        double srcClean = results.error(0, clean);
        double srcShift = results.error(0, shifted);
        List<Integer> order = new ArrayList<>();
        for (int m = 1; m < grid.size(); m++) {
            order.add(m);
        }
        order.sort(Comparator.comparingDouble(m -> results.error(m, shifted)));
        Table t = new Table(String.format("validation error %% (source: clean %.2f, shifted %.2f); "
                + "eligible = clean rise <= %.1f pp", 100 * srcClean, 100 * srcShift, 100 * budget),
                "setting", "clean", "shifted", "reduction", "eligible");
        Integer best = null;
        Integer chosen = null;
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int m = order.get(i);
            double c = results.error(m, clean);
            double s = results.error(m, shifted);
            boolean ok = c - srcClean <= budget + 1e-12;
            if (ok && best == null) {
                best = m;
            }
            if (i < top) {
                t.row(grid.get(m).name(), Table.pct(c), Table.pct(s), Table.signedPct((srcShift - s) / srcShift),
                        ok ? "yes" : "no");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setting", grid.get(m).name());
            row.put("cleanError", c);
            row.put("shiftedError", s);
            rows.add(row);
        }
        t.print(out);
        if (best != null) {
            double bestShift = results.error(best, shifted);
            int fewest = Integer.MAX_VALUE;
            for (int m : order) {
                boolean ok = results.error(m, clean) - srcClean <= budget + 1e-12
                        && results.error(m, shifted) <= bestShift + near + 1e-12;
                int layers = ok ? layerCount(proto, grid.get(m)) : Integer.MAX_VALUE;
                if (layers < fewest) {
                    fewest = layers;
                    chosen = m;
                }
            }
            out.printf("%nbest: %s (clean %.2f%%, shifted %.2f%%)%n", grid.get(best).name(),
                    100 * results.error(best, clean), 100 * bestShift);
            out.printf("chosen: %s (clean %.2f%%, shifted %.2f%%, %d adapted layers): the fewest adapted layers "
                    + "within %.1f pp of the best%n", grid.get(chosen).name(), 100 * results.error(chosen, clean),
                    100 * results.error(chosen, shifted), fewest, 100 * near);
        } else {
            out.println("\nno setting stays within the clean budget");
        }
        if (json != null) {
            Files.writeString(json, Json.write(Map.of("sourceClean", srcClean, "sourceShifted", srcShift,
                    "best", best == null ? "none" : grid.get(best).name(),
                    "chosen", chosen == null ? "none" : grid.get(chosen).name(), "settings", rows)));
        }
        return 0;
    }

    private static int layerCount(ModelProto proto, Method m) {
        return new org.leantta.core.graph.LeanTtaCompiler(m.rule(), org.leantta.core.graph.LayerSelection.parse(
                m.layers())).compile(proto).layers().size();
    }

    private static float[] floats(String spec) {
        String[] parts = spec.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new Args.UsageException("expected a comma list of numbers, got '" + spec + "'");
            }
        }
        return v;
    }
}

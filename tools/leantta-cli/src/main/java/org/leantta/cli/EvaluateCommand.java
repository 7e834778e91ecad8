package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leantta.core.Defaults;
import org.leantta.core.Sha256;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.Onnx;
import org.leantta.core.hybrid.HybridSettings;
import org.leantta.core.json.Json;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.Idx;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruption;
import org.leantta.tooling.shift.Corruptions;
import org.leantta.tooling.shift.StreamItem;
import org.leantta.tooling.shift.Streams;

/** {@code leantta evaluate}: error of every method per shift and severity, on the same samples. */
final class EvaluateCommand {
    static final String HELP = """
            leantta evaluate [options]
              --model FILE        ONNX model (default: the shipped fmnist-resnet8.onnx)
              --images FILE       IDX images, gzipped or not (default: the shipped Fashion-MNIST test split)
              --labels FILE       IDX labels matching --images
              --shifts LIST       shift names or families, 'all' (default) or 'none' = the data exactly as given
              --severities LIST   severities 1..5 (default: 1,2,3,4,5)
              --stream KIND       persistent | gradual | mixed | clean: one stream in that order instead of a
                                  table per shift and severity (--block N items per shift, --length N for mixed)
              --methods LIST      source, bn-sample, bn-batch64, leantta, leantta-hybrid, leantta-paper, leantta-code
                                  or all (default)
              --tau X --lambda X --rule paper|code --layers SPEC   knobs of 'leantta' (default: shipped)
              --momentum X --prior N --change-threshold X --detector-rate X --trust-margin X --probe-every N
              --trust-rate X      knobs of 'leantta-hybrid' (default: shipped, %s)
              --sweep-layers LIST layer-depth study: LeanTTA for each selection separated by ';' (e.g.
                                  "none;first:3;last:3;all"), error and batch-1 latency per setting
              --no-clean          leave out the clean condition
              --limit N           use the first N images
              --seed N            seed of the shifts (default 0)
              --threads N         parallel workers (default: the number of cores)
              --json FILE         also write the results as JSON
            """.formatted(Defaults.HYBRID.describe());

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        Path modelPath = args.path("model", null);
        Path images = args.path("images", null);
        Path labels = args.path("labels", null);
        String shiftSpec = args.string("shifts", "all");
        int[] severities = severities(args.string("severities", "1,2,3,4,5"));
        String stream = args.string("stream", null);
        HybridSettings hybrid = new HybridSettings(
                args.decimal("momentum", Defaults.HYBRID.momentum()),
                args.decimal("prior", Defaults.HYBRID.prior()),
                args.decimal("change-threshold", Defaults.HYBRID.threshold()),
                args.decimal("detector-rate", Defaults.HYBRID.detectorRate()),
                args.decimal("trust-margin", Defaults.HYBRID.margin()),
                args.integer("probe-every", Defaults.HYBRID.probeEvery()),
                args.decimal("trust-rate", Defaults.HYBRID.trustRate()));
        Map<String, Method> known = Method.all(WeightRule.parse(args.string("rule", Defaults.RULE.id())),
                args.string("layers", Defaults.LAYERS), args.number("tau", Defaults.TAU),
                args.number("lambda", Defaults.LAMBDA), hybrid);
        List<Method> methods = Method.parse(args.string("methods", "all"), known);
        boolean clean = !args.flag("no-clean");
        int limit = args.integer("limit", Integer.MAX_VALUE);
        long seed = args.integer("seed", 0);
        int threads = args.integer("threads", java.lang.Runtime.getRuntime().availableProcessors());
        int block = args.integer("block", 1000);
        int length = args.integer("length", 10000);
        Path json = args.path("json", null);
        String sweep = args.string("sweep-layers", null);
        args.checkAllUsed();
        if ((images == null) != (labels == null)) {
            throw new Args.UsageException("--images and --labels go together");
        }
        if (methods.isEmpty()) {
            throw new Args.UsageException("no method selected");
        }
        Path model = modelPath != null ? modelPath : Shipped.file(Shipped.MODEL);
        ImageSet data = (images != null ? Idx.load(images, labels) : Shipped.testSet()).limit(limit);
        List<Corruption> shifts = Corruptions.parse(shiftSpec);
        List<List<StreamItem>> segments = stream != null
                ? List.of(stream(Streams.parse(stream), data.count(), shifts, severities, block, length, seed))
                : conditions(data.count(), shifts, severities, clean);
        ModelProto proto = Onnx.read(model);
        out.printf("evaluate: model %s (sha256 %s), %d images from %s, seed %d%n", model, Sha256.of(model),
                data.count(), images != null ? images : "the shipped test split", seed);
        for (Method m : methods) {
            out.printf("  %-14s %s%n", m.name(), m.summary());
        }
        if (sweep != null) {
            new DepthStudy(out).run(proto, data, known.get("leantta"), List.of(sweep.split(";")), segments, seed,
                    threads);
            return 0;
        }
        Results results = evaluate(proto, data, methods, segments, seed, threads);
        boolean asGiven = shifts.isEmpty();
        if (asGiven) {
            results.asGiven();
        }
        results.print(out, asGiven, stream != null);
        if (json != null) {
            Files.writeString(json, Json.write(results.toJson(model, data, seed)));
            out.println("\nwrote " + json);
        }
        return 0;
    }

    static Results evaluate(ModelProto proto, ImageSet data, List<Method> methods, List<List<StreamItem>> segments,
                            long seed, int threads) throws Exception {
        List<Method.Runner> runners = new ArrayList<>();
        try {
            for (Method m : methods) {
                runners.add(m.open(proto, SessionSettings.threads(1)));
            }
            Method.Runner scorer = runners.stream().filter(r -> r.method.name().equals("leantta")).findFirst()
                    .orElse(runners.stream().filter(r -> r.method.adapts() && !r.method.stateful() && r.method.tau() < 1
                            && r.method.batch() == 0).findFirst().orElse(null));
            Map<String, Evaluation.Cell> cells = new Evaluation(data, runners, scorer, seed, threads).run(segments);
            return new Results(methods, cells, scorer == null ? null : scorer.method.name());
        } finally {
            for (Method.Runner r : runners) {
                r.close();
            }
        }
    }

    /** One stream: persistent = a block per shift for each severity; gradual = 1..5..1 per shift. */
    static List<StreamItem> stream(Streams.Kind kind, int n, List<Corruption> shifts, int[] severities, int block,
                                   int length, long seed) {
        return switch (kind) {
            case PERSISTENT -> {
                List<StreamItem> items = new ArrayList<>();
                for (int sev : severities) {
                    items.addAll(Streams.persistent(n, shifts, sev, block, seed + sev));
                }
                yield items;
            }
            case GRADUAL -> Streams.gradual(n, shifts, block, seed);
            case MIXED -> Streams.mixed(n, shifts, severities, length, seed);
            case CLEAN -> Streams.clean(n, length, seed);
        };
    }

    /** One segment per (shift, severity), plus clean first. */
    static List<List<StreamItem>> conditions(int n, List<Corruption> shifts, int[] severities, boolean clean) {
        List<List<StreamItem>> segments = new ArrayList<>();
        if (clean || shifts.isEmpty()) {
            List<StreamItem> s = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                s.add(StreamItem.clean(i));
            }
            segments.add(s);
        }
        for (int sev : severities) {
            for (Corruption c : shifts) {
                List<StreamItem> s = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    s.add(new StreamItem(i, c, sev));
                }
                segments.add(s);
            }
        }
        return segments;
    }

    static int[] severities(String spec) {
        Set<Integer> out = new TreeSet<>();
        for (String s : spec.split(",")) {
            try {
                int v = Integer.parseInt(s.trim());
                if (v >= 1 && v <= 5) {
                    out.add(v);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new Args.UsageException("bad severity '" + s.trim() + "': expected numbers 1..5, e.g. 3,5");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}

package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leantta.core.Defaults;
import org.leantta.core.Sha256;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Onnx;
import org.leantta.core.json.Json;
import org.leantta.tooling.data.Idx;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.quant.Calibration;
import org.leantta.tooling.quant.Quantizer;
import org.leantta.tooling.quant.Range;

/** {@code leantta quantize}: static int8 post-training quantization (QDQ) with adaptable layers kept. */
final class QuantizeCommand {
    static final String HELP = """
            leantta quantize --out INT8.onnx [options]
              --model FILE          float model with BatchNorm (default: the shipped fmnist-resnet8.onnx)
              --calibration IDX     calibration images, training data only (default: the shipped validation
                                    split, training images held out from training)
              --count N             calibration images used (default 1000)
              --adapt-layers SPEC   BatchNorm layers that stay adaptable: all, none, first:K, last:K, a list
                                    (default: the shipped LeanTTA layers)
              --method M            minmax | percentile (default percentile)
              --percentile P        share of values kept by percentile calibration (default 99.99)
              --plain               accept a model with no BatchNorm left: a plain int8 model that cannot adapt
                                    (without it such a model is refused: export it with BatchNorm kept)
            Writes the model and a record (FILE.json: sizes, sha256, settings).
            """;

    private final PrintStream out;

    QuantizeCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        Path model = args.file("model", Shipped.file(Shipped.MODEL));
        Path target = args.path("out", null);
        Path calibration = args.file("calibration", Shipped.file(Shipped.VAL_IMAGES));
        int count = args.integer("count", 1000);
        String layers = args.checked("adapt-layers", Defaults.LAYERS, LayerSelection::parse);
        Calibration.Method method = args.parsed("method", "percentile", Calibration.Method::parse);
        double percentile = args.decimal("percentile", 99.99);
        boolean plain = args.flag("plain");
        args.checkAllUsed();
        if (target == null) {
            throw new Args.UsageException("--out is required");
        }
        if (!(percentile > 50 && percentile <= 100)) {
            throw new Args.UsageException("--percentile must be in (50, 100], got " + percentile);
        }
        ModelProto fp32 = Onnx.read(model);
        if (!plain && batchNorms(fp32) == 0) {
            throw new IllegalArgumentException(LeanTtaCompiler.NO_BATCHNORM + "; or give --plain for an int8 "
                    + "model without adaptation");
        }
        ImageSet images = Idx.load(calibration, null).limit(count);
        List<String> tensors = Quantizer.calibrationTensors(fp32);
        Map<String, Range> ranges;
        long total = (long) Calibration.passes(method) * images.count();
        try (Progress progress = Progress.start("calibrating on " + images.count() + " images", total, "images")) {
            ranges = Calibration.ranges(fp32, tensors, images, method, percentile, progress::step);
        }
        ModelProto int8 = new Quantizer(LayerSelection.parse(layers)).quantize(fp32, ranges);
        Files.write(target, int8.toByteArray());
        long before = Files.size(model);
        long after = Files.size(target);
        out.printf("quantize: %s (%d bytes) -> %s (%d bytes, %.1f%%), %d calibration images from %s, %s%s, "
                + "adaptable layers: %s%n", model, before, target, after, 100.0 * after / before, images.count(),
                calibration, method.name().toLowerCase(), method == Calibration.Method.PERCENTILE
                        ? " " + percentile : "", layers);
        Files.writeString(record(target), Json.write(record(model, target, calibration, images.count(), layers,
                method, percentile)));
        return 0;
    }

    private static long batchNorms(ModelProto model) {
        return model.getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("BatchNormalization") && n.getDomain().isEmpty()).count();
    }

    private static String relative(Path p) {
        Path home = Shipped.home().toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString() : p.toString();
    }

    static Path record(Path target) {
        String name = target.getFileName().toString().replaceFirst("\\.onnx$", "");
        return target.resolveSibling(name + ".json");
    }

    private static Map<String, Object> record(Path model, Path target, Path calibration, int count, String layers,
                                              Calibration.Method method, double percentile) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", target.getFileName().toString());
        r.put("sha256", Sha256.of(target));
        r.put("bytes", Files.size(target));
        r.put("source", model.getFileName().toString());
        r.put("sourceSha256", Sha256.of(model));
        r.put("sourceBytes", Files.size(model));
        r.put("format", "QDQ: int8 per-output-channel symmetric weights, int32 bias, uint8 activations");
        r.put("calibration", calibration.getFileName().toString());
        r.put("calibrationImages", count);
        r.put("method", method.name().toLowerCase());
        if (method == Calibration.Method.PERCENTILE) {
            r.put("percentile", percentile);
        }
        r.put("adaptableLayers", layers);
        r.put("command", "./leantta quantize --model " + relative(model) + " --out " + relative(target)
                + " --count " + count
                + " --adapt-layers " + layers + " --method " + method.name().toLowerCase());
        r.put("date", Instant.now().toString());
        return r;
    }
}

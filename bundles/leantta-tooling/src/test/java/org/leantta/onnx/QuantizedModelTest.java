package org.leantta.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leantta.onnx.CompiledGraphTest.assertClose;
import static org.leantta.onnx.CompiledGraphTest.sample;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.GraphNames;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Onnx;
import org.leantta.core.graph.Refold;
import org.leantta.core.graph.Statistics;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.quant.Calibration;
import org.leantta.tooling.quant.Quantizer;
import org.leantta.tooling.quant.Range;

/** The int8 quantizer: ONNX Runtime runs integer convolution kernels, and LeanTTA still compiles on it. */
class QuantizedModelTest {
    private static ModelProto fp32;
    private static Map<String, Range> ranges;
    @TempDir
    Path tmp;

    @BeforeAll
    static void calibrate() throws Exception {
        fp32 = Onnx.read(Shipped.file(Shipped.MODEL));
        ranges = Calibration.ranges(fp32, Quantizer.calibrationTensors(fp32), Shipped.validationSet().limit(200),
                Calibration.Method.PERCENTILE, 99.99);
    }

    @Test
    void onnxRuntimeRunsEveryConvolutionAsAnIntegerKernel() throws Exception {
        long convs = count(fp32, "Conv");
        for (String adapt : new String[] {"none", "all"}) {
            ModelProto int8 = new Quantizer(LayerSelection.parse(adapt)).quantize(fp32, ranges);
            Map<String, Integer> ops = optimizedOps(int8.toByteArray(), adapt);
            assertThat(ops.getOrDefault("QLinearConv", 0)).as("QLinearConv with %s adapted", adapt)
                    .isEqualTo((int) convs);
            assertThat(ops).as("float convolutions left").doesNotContainKeys("Conv", "FusedConv");
        }
    }

    @Test
    void int8KeepsCleanAccuracyAndCompilesWithTheSameInterface() throws Exception {
        ModelProto int8 = new Quantizer(LayerSelection.all()).quantize(fp32, ranges);
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(int8);
        assertThat(compiled.layers()).hasSize((int) count(fp32, "BatchNormalization"));
        ImageSet test = Shipped.testSet().limit(500);
        float[] x = new float[test.count() * test.imageSize()];
        for (int i = 0; i < test.count(); i++) {
            test.pixels(i, x, i * test.imageSize());
        }
        try (LeanTtaSession f = LeanTtaSession.plain(fp32.toByteArray(), SessionSettings.defaults());
             LeanTtaSession q = LeanTtaSession.plain(int8.toByteArray(), SessionSettings.defaults());
             LeanTtaSession a = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            Output of = f.run(x, test.count());
            Output oq = q.run(x, test.count());
            assertThat(errors(oq, test) - errors(of, test)).as("int8 minus fp32 errors on 500 images").isLessThanOrEqualTo(8);
            assertClose(a.run(x, test.count(), Adaptation.of(1f, 0.9f)).logits(), oq.logits(), 1e-4);
        }
    }

    /**
     * Partial fusion adapts the float BatchNormalization left after each folded conv with the same subgraph, so
     * the clamp of w holds there too: code rule, lambda 20 gives every adapted layer the reference's output.
     */
    @Test
    void int8AdaptedLayersClampTheWeightAsTheReference() throws Exception {
        ModelProto int8 = new Quantizer(LayerSelection.all()).quantize(fp32, ranges);
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all(), Statistics.SAMPLE, true)
                .compile(int8);
        ImageSet test = Shipped.testSet().limit(16);
        float[] x = new float[test.count() * test.imageSize()];
        for (int i = 0; i < test.count(); i++) {
            test.pixels(i, x, i * test.imageSize());
        }
        float tau = 0.85f;
        float lambda = 20f;
        List<String> names = new ArrayList<>();
        for (AdaptedLayer l : compiled.layers()) {
            names.addAll(List.of(l.inputName(), l.outputName(), GraphNames.divergence(l.index())));
        }
        int saturated = 0;
        try (LeanTtaSession a = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            List<float[]> got = a.runTensors(x, test.count(), Adaptation.of(tau, lambda), names);
            LeanTta reference = new LeanTta(tau, lambda, WeightRule.CODE);
            for (AdaptedLayer l : compiled.layers()) {
                int k = 3 * l.index();
                for (int i = 0; i < test.count(); i++) {
                    float[] want = reference.adapt(sample(got.get(k), test.count(), i), l.stats()).output();
                    assertClose(sample(got.get(k + 1), test.count(), i), want, 1e-4);
                    saturated += lambda * got.get(k + 2)[i] > 1 ? 1 : 0;
                }
            }
            assertThat(saturated).as("(layer, sample) pairs with lambda * d > 1").isPositive();
            Output out = a.run(x, test.count(), Adaptation.of(tau, lambda));
            for (int i = 0; i < test.count(); i++) {
                assertThat(out.finite(i)).as("sample %d has finite scores", i).isTrue();
            }
        }
    }

    /**
     * With adaptation off, a partially fused layer is the identity between its convolution and the next
     * quantization: refolded, the model is the one quantized with no adaptable layer, op for op.
     */
    @Test
    void refoldingThePartiallyFusedModelGivesTheFullyFusedOne() throws Exception {
        ModelProto partial = new Quantizer(LayerSelection.all()).quantize(fp32, ranges);
        ModelProto full = new Quantizer(LayerSelection.parse("none")).quantize(fp32, ranges);
        ModelProto refolded = Refold.of(partial);
        assertThat(count(refolded, "BatchNormalization")).isZero();
        assertThat(optimizedOps(refolded.toByteArray(), "refolded"))
                .isEqualTo(optimizedOps(full.toByteArray(), "full"));
        assertThat(optimizedOps(partial.toByteArray(), "partial")).containsKey("BatchNormalization");
        ImageSet test = Shipped.testSet().limit(64);
        float[] x = new float[test.count() * test.imageSize()];
        for (int i = 0; i < test.count(); i++) {
            test.pixels(i, x, i * test.imageSize());
        }
        try (LeanTtaSession r = LeanTtaSession.plain(refolded.toByteArray(), SessionSettings.defaults());
             LeanTtaSession f = LeanTtaSession.plain(full.toByteArray(), SessionSettings.defaults())) {
            assertClose(r.run(x, test.count()).logits(), f.run(x, test.count()).logits(), 1e-6);
        }
        assertThat(Refold.of(fp32)).as("a float model has nothing to refold").isSameAs(fp32);
    }

    private Map<String, Integer> optimizedOps(byte[] model, String tag) throws Exception {
        Path optimized = tmp.resolve("optimized-" + tag + ".onnx");
        SessionSettings s = new SessionSettings(1, optimized.toString(), null, OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
        try (LeanTtaSession session = LeanTtaSession.plain(model, s)) {
            assertThat(session.sampleSize()).isEqualTo(784);
        }
        Map<String, Integer> ops = new HashMap<>();
        for (NodeProto n : Onnx.read(optimized).getGraph().getNodeList()) {
            ops.merge(n.getOpType(), 1, Integer::sum);
        }
        return ops;
    }

    private static long count(ModelProto m, String op) {
        return m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(op)).count();
    }

    private static int errors(Output o, ImageSet s) {
        int wrong = 0;
        for (int i = 0; i < s.count(); i++) {
            wrong += o.argmax(i) == s.label(i) ? 0 : 1;
        }
        return wrong;
    }
}

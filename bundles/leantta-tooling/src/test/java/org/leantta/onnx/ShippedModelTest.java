package org.leantta.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.leantta.onnx.CompiledGraphTest.assertClose;
import static org.leantta.onnx.CompiledGraphTest.sample;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leantta.core.LeanTta;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.GraphNames;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Onnx;
import org.leantta.core.graph.Statistics;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruptions;

/** The compiled shipped model against the Java reference and the plain model, on real shifted test images. */
class ShippedModelTest {
    private static ModelProto model;
    private static ImageSet images;

    @BeforeAll
    static void load() throws Exception {
        model = Onnx.read(Shipped.file(Shipped.MODEL));
        images = Shipped.testSet().limit(8);
    }

    /** Eight test images, half of them shifted (noise, fog, contrast, gain drift). */
    static float[] batch() {
        String[] shifts = {null, "gaussian-noise", null, "fog", null, "contrast", null, "gain-offset"};
        int size = images.imageSize();
        float[] x = new float[8 * size];
        for (int i = 0; i < 8; i++) {
            float[] img = images.image(i);
            if (shifts[i] != null) {
                img = Corruptions.apply(Corruptions.byName(shifts[i]), img, 1, 28, 28, 4, 0, i);
            }
            System.arraycopy(img, 0, x, i * size, size);
        }
        return x;
    }

    @Test
    void everyLayerAgreesWithTheReferenceOnRealSamples() throws Exception {
        for (WeightRule rule : WeightRule.values()) {
            CompiledModel compiled = new LeanTtaCompiler(rule, LayerSelection.all(), Statistics.SAMPLE, true)
                    .compile(model);
            assertThat(compiled.layers()).hasSizeGreaterThanOrEqualTo(7);
            try (LeanTtaSession s = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
                List<String> names = new ArrayList<>();
                for (AdaptedLayer l : compiled.layers()) {
                    names.addAll(List.of(l.inputName(), l.outputName(), GraphNames.divergence(l.index())));
                }
                List<float[]> got = s.runTensors(batch(), 8, Adaptation.of(0.8f, 0.9f), names);
                LeanTta reference = new LeanTta(0.8, 0.9, rule);
                for (AdaptedLayer l : compiled.layers()) {
                    for (int i = 0; i < 8; i++) {
                        LeanTta.Result want = reference.adapt(sample(got.get(3 * l.index()), 8, i), l.stats());
                        assertClose(sample(got.get(3 * l.index() + 1), 8, i), want.output(), 1e-4);
                        assertThat(got.get(3 * l.index() + 2)[i]).isCloseTo((float) want.divergence(), within(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void tauOneGivesTheSourceModelsLogits() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(model);
        try (LeanTtaSession plain = LeanTtaSession.plain(model.toByteArray(), SessionSettings.defaults());
             LeanTtaSession adapted = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = batch();
            assertClose(adapted.run(x, 8, Adaptation.of(1f, 0.9f)).logits(), plain.run(x, 8).logits(), 1e-5);
        }
    }

    @Test
    void batchOfEightEqualsEachSampleAlone() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(model);
        try (LeanTtaSession adapted = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            float[] x = batch();
            Output all = adapted.run(x, 8, Adaptation.of(0.9f, 0.9f));
            for (int i = 0; i < 8; i++) {
                assertClose(adapted.run(sample(x, 8, i), 1, Adaptation.of(0.9f, 0.9f)).logits(),
                        sample(all.logits(), 8, i), 1e-5);
            }
        }
    }

    @Test
    void shiftedSamplesScoreHigherThanCleanOnes() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(model);
        try (LeanTtaSession adapted = LeanTtaSession.adapted(compiled, SessionSettings.defaults())) {
            Output out = adapted.run(batch(), 8);
            double clean = 0;
            double shifted = 0;
            for (int i = 0; i < 8; i++) {
                if (i % 2 == 0) {
                    clean += out.shift(i, null);
                } else {
                    shifted += out.shift(i, null);
                }
            }
            assertThat(shifted).isGreaterThan(clean);
        }
    }
}

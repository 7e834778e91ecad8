package org.leantta.kura.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.ai.inference.ModelInfo;
import org.eclipse.kura.ai.inference.Tensor;
import org.eclipse.kura.ai.inference.TensorDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.kura.Configs;
import org.leantta.kura.model.LeanTtaModel;
import org.leantta.kura.model.LeanTtaModelConfig;

/** The engine on the built-in model, called with tensors shaped as Kura's AI wire component makes them. */
class LeanTtaInferenceEngineTest {
    private static final String NAME = LeanTtaInferenceEngine.BUILT_IN;
    private static final int PIXELS = 28 * 28;
    private static final ImageSet VALIDATION = Shipped.validationSet();

    private LeanTtaInferenceEngine engine;
    private LeanTtaModel predictor;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.deactivate();
        }
        if (predictor != null) {
            predictor.deactivate();
        }
    }

    @Test
    void theBuiltInModelIsLoadedAtStartAndDescribedAsKuraReadsIt() throws Exception {
        givenEngine(Map.of());

        assertThat(engine.isEngineReady()).isTrue();
        assertThat(engine.getModelNames()).containsExactly(NAME);
        assertThat(engine.isModelLoaded(NAME)).isTrue();
        ModelInfo info = engine.getModelInfo(NAME).orElseThrow();
        assertThat(info.getInputs()).singleElement().satisfies(d -> {
            assertThat(d.getName()).isEqualTo("input");
            assertThat(d.getType()).isEqualTo("FP32");
            assertThat(d.getShape()).containsExactly(1L, 1L, 28L, 28L);
        });
        assertThat(info.getOutputs()).extracting(TensorDescriptor::getName).containsExactly("class", "label",
                "confidence", "shift", "outOfDistribution", "adapted", "latencyMicros");
        assertThat(info.getParameters()).containsEntry("tau", 0.85f).containsEntry("adaptation.mode", "hybrid");
        assertThat(engine.getModelInfo("other")).isEmpty();
    }

    @Test
    void theEnginesAnswersEqualThePredictorsForFloatBytesAndUint8Tensors() throws Exception {
        givenEngine(Map.of("adaptation.mode", "stateless"));
        givenPredictor(Map.of("adaptation.mode", "stateless"));
        ModelInfo info = engine.getModelInfo(NAME).orElseThrow();

        for (int i = 0; i < 5; i++) {
            byte[] pixels = pixels(i);
            Prediction expected = predictor.predict(floats(pixels), Encoding.UINT8);
            assertSame(answer(engine.infer(info, List.of(uint8Tensor("UINT8", pixels)))), expected);
            // Kura's AI component: a BYTE_ARRAY property becomes a Byte tensor under the model's FP32 descriptor
            assertSame(answer(engine.infer(info, List.of(uint8Tensor("FP32", pixels)))), expected);
            float[] x = VALIDATION.image(i);
            assertSame(answer(engine.infer(info, List.of(floatTensor(List.of(1L, 1L, 28L, 28L), x)))),
                    predictor.predict(x, Encoding.FLOAT32));
        }
    }

    @Test
    void aBatchIsAnsweredSampleBySampleInOrder() throws Exception {
        givenEngine(Map.of("adaptation.mode", "stateless"));
        ModelInfo info = engine.getModelInfo(NAME).orElseThrow();
        float[] three = new float[3 * PIXELS];
        List<Integer> single = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.arraycopy(VALIDATION.image(i), 0, three, i * PIXELS, PIXELS);
            single.add((Integer) data(engine.infer(info, List.of(floatTensor(List.of(1L, 1L, 28L, 28L),
                    VALIDATION.image(i)))), "class").get(0));
        }

        List<Tensor> out = engine.infer(info, List.of(floatTensor(List.of(3L, 1L, 28L, 28L), three)));

        assertThat(out).allSatisfy(t -> assertThat(t.getDescriptor().getShape()).containsExactly(3L));
        assertThat(data(out, "class")).isEqualTo(single);
    }

    @Test
    void theModelsParametersOverrideTheEnginesKnobs() throws Exception {
        givenEngine(Map.of("adaptation.mode", "stateless"));
        givenPredictor(Map.of("adaptation.mode", "stateless", "tau", 1f));
        ModelInfo tau1 = engine.getModelInfo(NAME).orElseThrow().toBuilder().addParameter("tau", 1L).build();
        float[] x = VALIDATION.image(7);

        Prediction expected = predictor.predict(x, Encoding.FLOAT32);

        assertSame(answer(engine.infer(tau1, List.of(floatTensor(List.of(1L, 1L, 28L, 28L), x)))), expected);
        assertThat(engine.getModelInfo(NAME).orElseThrow().getParameters()).containsEntry("tau", 1f);
    }

    @Test
    void aDescriptionReadBeforeAChangeDoesNotUndoIt() throws Exception {
        givenEngine(Map.of("adaptation.mode", "stateless"));
        givenPredictor(Map.of("adaptation.mode", "stateless", "tau", 1f));
        // Kura's AI component reads the description once and passes that copy with every call
        ModelInfo cached = engine.getModelInfo(NAME).orElseThrow();
        engine.infer(cached.toBuilder().addParameter("tau", 1L).build(),
                List.of(floatTensor(List.of(1L, 1L, 28L, 28L), VALIDATION.image(1))));
        float[] x = VALIDATION.image(7);

        Prediction expected = predictor.predict(x, Encoding.FLOAT32);

        assertSame(answer(engine.infer(cached, List.of(floatTensor(List.of(1L, 1L, 28L, 28L), x)))), expected);
        assertThat(engine.getModelInfo(NAME).orElseThrow().getParameters()).containsEntry("tau", 1f);
    }

    @Test
    void wrongTensorsAreKuraExceptionsThatSayWhatWasExpected() throws Exception {
        givenEngine(Map.of());
        ModelInfo info = engine.getModelInfo(NAME).orElseThrow();

        assertThatThrownBy(() -> engine.infer(info, List.of(floatTensor(List.of(1L, 3L, 28L, 28L),
                new float[3 * PIXELS])))).isInstanceOf(KuraException.class)
                .hasMessageContaining("tensor 'input' has shape [1, 3, 28, 28]: expected [N, 1, 28, 28]");
        assertThatThrownBy(() -> engine.infer(info, List.of(new Tensor(Long.class,
                TensorDescriptor.builder("input", "INT64", List.of(1L, 1L, 28L, 28L)).build(), List.of(1L)))))
                .isInstanceOf(KuraException.class).hasMessageContaining("tensor 'input' is INT64 with Long values: "
                        + "expected FP32 with Float values");
        assertThatThrownBy(() -> engine.infer(info, List.of(floatTensor(List.of(1L, 1L, 28L, 28L), new float[5]))))
                .isInstanceOf(KuraException.class).hasMessageContaining("tensor 'input' has 5 values, its shape");
        float[] nan = new float[PIXELS];
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> engine.infer(info, List.of(floatTensor(List.of(1L, 1L, 28L, 28L), nan))))
                .isInstanceOf(KuraException.class).hasMessageContaining("tensor 'input': ");
        ModelInfo unknown = info.toBuilder().build();
        engine.unloadModel(NAME);
        assertThatThrownBy(() -> engine.infer(unknown, List.of(floatTensor(List.of(1L, 1L, 28L, 28L), new float[PIXELS]))))
                .isInstanceOf(KuraException.class).hasMessageContaining("model '" + NAME + "' is not loaded");
    }

    @Test
    void aFolderServesEachModelUnderItsNameAndSkipsWhatItCannotLoad(@TempDir Path dir) throws Exception {
        Files.copy(Shipped.file(Shipped.MODEL), dir.resolve("fp32.onnx"));
        Files.writeString(dir.resolve("broken.onnx"), "not a model");
        givenEngine(Map.of("models.folder", dir.toString()));

        assertThat(engine.getModelNames()).containsExactly("broken", "fp32");
        assertThat(engine.isModelLoaded("fp32")).isTrue();
        assertThat(engine.isModelLoaded("broken")).isFalse();
        assertThatThrownBy(() -> engine.loadModel("broken", Optional.empty())).isInstanceOf(KuraException.class)
                .hasMessageContaining("model broken: ");
        engine.loadModel("fp32", Optional.empty());
        assertThat(engine.getModelInfo("fp32").orElseThrow().getVersion()).isPresent();
    }

    private void givenEngine(Map<String, Object> config) {
        engine = new LeanTtaInferenceEngine(Configs.of(LeanTtaInferenceEngineConfig.class, config));
    }

    private void givenPredictor(Map<String, Object> config) {
        predictor = new LeanTtaModel(null, Configs.of(LeanTtaModelConfig.class, config));
    }

    private static void assertSame(Prediction got, Prediction expected) {
        assertThat(got.classIndex()).isEqualTo(expected.classIndex());
        assertThat(got.label()).isEqualTo(expected.label());
        assertThat(got.confidence()).isEqualTo(expected.confidence());
        assertThat(got.shift()).isEqualTo(expected.shift());
        assertThat(got.adapted()).isEqualTo(expected.adapted());
        assertThat(got.outOfDistribution()).isEqualTo(expected.outOfDistribution());
    }

    /** The first sample of the engine's outputs as a Prediction (latency aside). */
    private static Prediction answer(List<Tensor> out) {
        return new Prediction((Integer) data(out, "class").get(0), (String) data(out, "label").get(0),
                (Float) data(out, "confidence").get(0), (Float) data(out, "shift").get(0),
                (Boolean) data(out, "adapted").get(0), (Boolean) data(out, "outOfDistribution").get(0),
                (Long) data(out, "latencyMicros").get(0), -1, Float.NaN);
    }

    private static List<?> data(List<Tensor> out, String name) {
        Tensor t = out.stream().filter(x -> x.getDescriptor().getName().equals(name)).findFirst().orElseThrow();
        return t.getData(t.getType()).orElseThrow();
    }

    private static Tensor floatTensor(List<Long> shape, float[] x) {
        List<Float> data = new ArrayList<>();
        for (float v : x) {
            data.add(v);
        }
        return new Tensor(Float.class, TensorDescriptor.builder("input", "FP32", shape).build(), data);
    }

    private static Tensor uint8Tensor(String type, byte[] pixels) {
        List<Byte> data = new ArrayList<>();
        for (byte b : pixels) {
            data.add(b);
        }
        return new Tensor(Byte.class, TensorDescriptor.builder("input", type, List.of(1L, 1L, 28L, 28L)).build(),
                data);
    }

    private static byte[] pixels(int i) {
        float[] x = VALIDATION.image(i);
        byte[] b = new byte[x.length];
        for (int k = 0; k < x.length; k++) {
            b[k] = (byte) Math.round(x[k] * 255f);
        }
        return b;
    }

    private static float[] floats(byte[] pixels) {
        float[] x = new float[pixels.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = pixels[k] & 0xff;
        }
        return x;
    }
}

package org.leantta.kura.model;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.configuration.ConfigurationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.kura.LogScoresModel;
import org.leantta.api.AdaptationEvent;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruptions;

/** The model component on the built-in Fashion-MNIST model, with ConfigurationAdmin faked in memory. */
class LeanTtaModelTest {
    private static final int PIXELS = 28 * 28;

    private final FakeConfigurationAdmin configurationAdmin = new FakeConfigurationAdmin();
    private LeanTtaModel model;

    @AfterEach
    void deactivate() {
        if (model != null) {
            model.deactivate();
        }
    }

    @Test
    void theBuiltInModelIsServedWithoutConfiguration() throws Exception {
        givenModel(Map.of());

        assertThat(model.model().id()).isEqualTo("builtin:fmnist-resnet8-int8.onnx");
        assertThat(model.model().inputSize()).isEqualTo(PIXELS);
        assertThat(model.model().labels()).hasSize(10);
        assertThat(model.model().layers()).as("first:7").hasSize(7);
        assertThat(model.model().sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void aSampleIsAnsweredWithAnAdaptedPrediction() throws Exception {
        givenModel(Map.of());

        Prediction p = model.predict(shirtLikeSample(), Encoding.UINT8);

        assertThat(p.classIndex()).isBetween(0, 9);
        assertThat(p.label()).isEqualTo(model.model().labels().get(p.classIndex()));
        assertThat(p.confidence()).isBetween(0f, 1f);
        assertThat(p.adapted()).isTrue();
        assertThat(p.hasSource()).isFalse();
        assertThat(p.shift()).isNotNaN();
    }

    @Test
    void aSampleOfTheWrongSizeIsRefusedAndTheModelStillAnswers() throws Exception {
        givenModel(Map.of());

        assertThatThrownBy(() -> model.predict(new float[3], Encoding.FLOAT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample has 3 values, the model expects " + PIXELS);
        assertThat(model.predict(new float[PIXELS], Encoding.FLOAT32).label()).isNotEmpty();
    }

    @Test
    void theUnadaptedAnswerIsReportedWhenAskedFor() throws Exception {
        givenModel(Map.of("report.source", true));

        Prediction p = model.predict(shirtLikeSample(), Encoding.UINT8);

        assertThat(p.hasSource()).isTrue();
        assertThat(p.sourceClass()).isBetween(0, 9);
        assertThat(p.sourceConfidence()).isBetween(0f, 1f);
    }

    @Test
    void rollbackRestoresThePreviousConfigurationAndRecordsIt() throws Exception {
        givenModel(Map.of());
        assertThat(model.rollback()).as("nothing to roll back to yet").isFalse();

        model.modified(config(Map.of("tau", 0.5f)));
        assertThat(configuration()).containsEntry("tau", 0.5f);
        assertThat(adaptation()).containsEntry("rollbackAvailable", true);

        assertThat(model.rollback()).isTrue();
        assertThat(configuration()).containsEntry("tau", 0.85f);
        assertThat(configurationAdmin.stored().get("tau")).isEqualTo(0.85f);
    }

    @Test
    void withKurasConfigurationServiceACommandsChangeGoesThroughItIntoASnapshot() throws Exception {
        givenModel(Map.of());
        List<Map<String, Object>> updates = new ArrayList<>();
        model.configurationService = configurationService(updates);

        model.setEnabled(false);

        assertThat(updates).hasSize(1);
        assertThat(updates.get(0)).containsEntry("pid", LeanTtaModel.PID).containsEntry("adaptation.enabled", false)
                .containsEntry("tau", 0.85f);
        assertThat(configurationAdmin.stored()).as("nothing written to ConfigurationAdmin around Kura").isNull();
    }

    @Test
    void disablingAdaptationKeepsPredictingAndIsRecorded() throws Exception {
        givenModel(Map.of());

        float[] drifted = drifted(0);
        Prediction enabled = model.predict(drifted, Encoding.FLOAT32);
        model.setEnabled(false);

        Prediction disabled = model.predict(drifted, Encoding.FLOAT32);
        assertThat(disabled.adapted()).isFalse();
        assertThat(disabled.shift()).as("the shift score is still measured").isGreaterThan(0.05f)
                .isCloseTo(enabled.shift(), org.assertj.core.api.Assertions.within(0.1f));
        assertThat(disabled.confidence()).isNotEqualTo(enabled.confidence());
        assertThat(adaptation()).containsEntry("enabled", false);
        assertThat(configurationAdmin.stored().get("adaptation.enabled")).isEqualTo(false);
    }

    @Test
    void aRefusedUpdateKeepsTheConfigurationInForceAndIsReported() throws Exception {
        givenModel(Map.of());

        model.modified(config(Map.of("tau", 2f)));

        assertThat(configuration()).containsEntry("tau", 0.85f);
        assertThat(model.status()).containsEntry("lastRejectedConfiguration", "tau must be in [0, 1], got 2.0");
        assertThat(model.predict(shirtLikeSample(), Encoding.UINT8).label()).isNotEmpty();
    }

    @Test
    void aConfigurationThatCannotBeUsedAtActivationGivesAnActiveComponentThatSaysWhy() throws Exception {
        givenModel(Map.of("model.path", "/nonexistent/model.onnx"));

        assertThat(model.status()).containsEntry("ready", false);
        assertThat((String) model.status().get("reason")).startsWith("no model loaded: ")
                .contains("/nonexistent/model.onnx");
        assertThatThrownBy(() -> model.predict(new float[PIXELS], Encoding.FLOAT32))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/model.onnx");
    }

    @Test
    void aComponentWithoutAModelServesOnceAUsableConfigurationArrives() throws Exception {
        givenModel(Map.of("model.sha256", "0".repeat(64)));
        assertThat(model.status()).containsEntry("ready", false);

        model.modified(config(Map.of()));

        assertThat(model.status()).containsEntry("ready", true).doesNotContainKey("lastRejectedConfiguration");
        assertThat(model.predict(shirtLikeSample(), Encoding.UINT8).label()).isNotEmpty();
    }

    @Test
    void aDeactivatedModelSaysSo() throws Exception {
        givenModel(Map.of());

        model.deactivate();

        assertThatThrownBy(() -> model.predict(new float[PIXELS], Encoding.FLOAT32))
                .isInstanceOf(IllegalStateException.class).hasMessage("the LeanTTA model is deactivated");
        model = null;
    }

    @Test
    void inHybridModeEachStreamKeepsItsOwnStateAndResetForgetsThemAll() throws Exception {
        givenModel(Map.of("adaptation.mode", "hybrid"));
        float[] probe = drifted(0);
        Prediction fresh = model.predict("probe-fresh", probe, Encoding.FLOAT32);

        for (int i = 1; i <= 150; i++) {
            model.predict("drifted-camera", drifted(i), Encoding.FLOAT32);
        }
        Prediction adapted = model.predict("drifted-camera", probe, Encoding.FLOAT32);
        Prediction otherStream = model.predict("other-camera", probe, Encoding.FLOAT32);

        assertThat(adapted.confidence()).as("the drifted camera's estimate moved").isNotEqualTo(fresh.confidence());
        assertThat(otherStream.confidence()).as("another stream starts at the source").isEqualTo(fresh.confidence());
        assertThat(adaptation()).containsEntry("mode", "hybrid").containsEntry("streams", 3);

        model.reset();
        assertThat(model.predict("drifted-camera", probe, Encoding.FLOAT32).confidence())
                .isEqualTo(fresh.confidence());
        assertThat(adaptation()).containsEntry("lastReset", "reset");
    }

    @Test
    void aChangeOfTauRebuildsTheSessionAndTheStreamsKeepWhatTheyLearned() throws Exception {
        givenModel(Map.of("adaptation.mode", "hybrid"));
        for (int i = 1; i <= 40; i++) {
            model.predict("drifted-camera", drifted(i), Encoding.FLOAT32);
        }

        model.modified(config(Map.of("adaptation.mode", "hybrid", "tau", 0.8f)));
        Prediction after = model.predict("drifted-camera", drifted(41), Encoding.FLOAT32);

        assertThat(after.adapted()).isTrue();
        assertThat(configuration()).containsEntry("tau", 0.8f);
        assertThat(streamState(0)).as("the estimate went on learning").containsEntry("samples", 41L);
    }

    @Test
    void operatorCommandsAndConfigurationChangesAreEvents() throws Exception {
        givenModel(Map.of());
        List<AdaptationEvent> events = listen();

        model.modified(config(Map.of("tau", 0.6f)));
        model.modified(config(Map.of("tau", 0.6f)));
        model.modified(config(Map.of("tau", 2f)));
        model.reset();
        model.setEnabled(false);

        assertThat(events).extracting(AdaptationEvent::kind).containsExactly("configuration", "refused", "reset",
                "disabled");
        assertThat(events.get(0).detail()).isEqualTo("tau: 0.85 -> 0.6");
        assertThat(events.get(1).detail()).contains("tau must be in [0, 1], got 2.0")
                .contains("the previous one stays in force");
        assertThat(events).extracting(AdaptationEvent::source).containsOnly(LeanTtaModel.PID);
    }

    @Test
    void anotherModelFileIsAModelLoadedEventWithItsHash(@TempDir Path tmp) throws Exception {
        givenModel(Map.of());
        List<AdaptationEvent> events = listen();

        model.modified(config(Map.of("model.path", LogScoresModel.write(tmp).toString(), "adapted.layers", "all")));

        String sha256 = (String) ((Map<?, ?>) model.status().get("model")).get("sha256");
        assertThat(events).extracting(AdaptationEvent::kind).containsExactly("model-loaded");
        assertThat(events.get(0).detail()).contains("(sha256 " + sha256 + ") loaded")
                .contains("adapted.layers: first:7 -> all");
    }

    @Test
    void inHybridModeAnAbruptChangeOfASensorIsAReanchorEventOfThatSensor() throws Exception {
        givenModel(Map.of("adaptation.mode", "hybrid"));
        List<AdaptationEvent> events = listen();
        ImageSet test = Shipped.testSet();

        for (int i = 0; i < 200; i++) {
            model.predict("cam-7", test.image(i), Encoding.FLOAT32);
        }
        for (int i = 1; i <= 200; i++) {
            model.predict("cam-7", drifted(i), Encoding.FLOAT32);
        }

        assertThat(events).filteredOn(e -> e.kind().equals("reanchor")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.stream()).isEqualTo("cam-7"))
                .allSatisfy(e -> assertThat(e.detail()).startsWith("new environment estimate: abrupt change"));
    }

    private List<AdaptationEvent> listen() {
        List<AdaptationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        model.listeners = List.of(events::add);
        return events;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> streamState(int i) {
        return ((List<Map<String, Object>>) adaptation().get("streamStates")).get(i);
    }

    /** A test image through a sensor whose gain and offset drifted (severity 5). */
    private static float[] drifted(int i) {
        ImageSet test = Shipped.testSet();
        return Corruptions.apply(Corruptions.byName("gain-offset"), test.image(i), 1, 28, 28, 5, 1, i);
    }

    @Test
    void inStatelessModeStreamsShareNothing() throws Exception {
        givenModel(Map.of("adaptation.mode", "stateless"));
        float[] probe = shirtLikeSample();
        Prediction first = model.predict("cam", probe, Encoding.UINT8);
        for (int i = 0; i < 20; i++) {
            model.predict("cam", dimmed(probe, i), Encoding.UINT8);
        }
        assertThat(model.predict("cam", probe, Encoding.UINT8).confidence()).isEqualTo(first.confidence());
        assertThat(adaptation()).containsEntry("streams", 0);
    }

    /** The sample seen through a dim sensor with a little noise. */
    private static float[] dimmed(float[] x, int seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(255, Math.max(0, Math.round(x[i] * 0.3f + 40 + r.nextGaussian() * 8)));
        }
        return y;
    }

    /** Kura's ConfigurationService, recording updateConfiguration(pid, properties) and refusing anything else. */
    private static ConfigurationService configurationService(List<Map<String, Object>> updates) {
        return (ConfigurationService) Proxy.newProxyInstance(ConfigurationService.class.getClassLoader(),
                new Class<?>[] {ConfigurationService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateConfiguration") && args.length == 2) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> update = new HashMap<>((Map<String, Object>) args[1]);
                        update.put("pid", args[0]);
                        updates.add(update);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void givenModel(Map<String, Object> overrides) throws Exception {
        model = new LeanTtaModel(configurationAdmin.service(), config(overrides));
    }

    private static LeanTtaModelConfig config(Map<String, Object> overrides) {
        return Configs.of(LeanTtaModelConfig.class, new HashMap<>(overrides));
    }

    /** A bright block in the middle of a dark 28x28 image. */
    private static float[] shirtLikeSample() {
        float[] x = new float[PIXELS];
        for (int r = 6; r < 22; r++) {
            Arrays.fill(x, r * 28 + 7, r * 28 + 21, 200f);
        }
        return x;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> configuration() {
        return (Map<String, Object>) model.status().get("configuration");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> adaptation() {
        return (Map<String, Object>) model.status().get("adaptation");
    }
}

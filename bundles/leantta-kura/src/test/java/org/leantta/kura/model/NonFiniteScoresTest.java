package org.leantta.kura.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.kura.Configs;
import org.leantta.kura.LogScoresModel;
import org.leantta.onnx.Output;

/** NaN or infinite scores never become a prediction: the sample is refused naming the cause. */
class NonFiniteScoresTest {
    @TempDir
    Path tmp;
    private LeanTtaModel model;

    @AfterEach
    void deactivate() {
        if (model != null) {
            model.deactivate();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stateless", "hybrid"})
    void aSampleWithNaNScoresIsRefusedAndTheNextIsAnswered(String mode) throws Exception {
        givenModel(Map.of("adaptation.mode", mode));
        Prediction before = model.predict("a", LogScoresModel.FINITE, Encoding.FLOAT32);

        assertThatThrownBy(() -> model.predict("b", LogScoresModel.NAN, Encoding.FLOAT32))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the model produced non-finite scores (NaN) for this sample: 1 of 4 class "
                        + "scores are not finite; no prediction is published. Check the model file and the input "
                        + "scaling");

        Prediction after = model.predict("a", LogScoresModel.FINITE, Encoding.FLOAT32);
        assertThat(before.confidence()).isBetween(0f, 1f);
        assertThat(after.confidence()).isBetween(0f, 1f);
        assertThat(after.shift()).isBetween(0f, 1f);
    }

    @Test
    void theUnadaptedAnswerIsCheckedToo() {
        Output scores = new Output(new float[] {1f, Float.NaN, Float.POSITIVE_INFINITY}, 3, new float[0][], null, null);

        assertThatThrownBy(() -> FiniteScores.require(scores, 0f, "the unadapted model (report.source)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the unadapted model (report.source) produced non-finite scores "
                        + "(Infinity, NaN) for this sample: 2 of 3 class scores are not finite;");
    }

    @Test
    void aNonFiniteShiftScoreIsRefusedToo() {
        Output scores = new Output(new float[] {1f, 2f}, 2, new float[0][], null, null);

        assertThatThrownBy(() -> FiniteScores.require(scores, Float.NaN, "the model"))
                .hasMessageStartingWith("the model produced non-finite scores (NaN) for this sample: the shift score "
                        + "is NaN;");
        FiniteScores.require(scores, 0.5f, "the model");
    }

    private void givenModel(Map<String, Object> overrides) throws Exception {
        Map<String, Object> p = new HashMap<>(overrides);
        p.put("model.path", LogScoresModel.write(tmp).toString());
        p.put("adapted.layers", "all");
        model = new LeanTtaModel(new FakeConfigurationAdmin().service(), Configs.of(LeanTtaModelConfig.class, p));
        assertThat(model.status()).as("the model loaded").containsEntry("ready", true);
    }
}

package org.leantta.kura.model;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leantta.api.Encoding;

/** A sample is checked and scaled into a new array, or refused saying what was expected. */
class SamplesTest {
    private static final ModelSettings SCALED = ModelSettings.from(Configs.of(LeanTtaModelConfig.class,
            Map.of("input.scale", 0.5f, "input.offset", -1f)));

    @Test
    void float32ValuesPassUnchangedIntoANewArray() {
        float[] given = {-3.5f, 0f, 1e6f};

        float[] x = Samples.prepare(given, Encoding.FLOAT32, 3, SCALED);

        assertThat(x).containsExactly(-3.5f, 0f, 1e6f).isNotSameAs(given);
    }

    @Test
    void uint8ValuesAreScaledAndOffset() {
        float[] given = {0, 1, 255};

        float[] x = Samples.prepare(given, Encoding.UINT8, 3, SCALED);

        // v * 0.5 - 1
        assertThat(x).containsExactly(-1f, -0.5f, 126.5f);
        assertThat(given).as("the caller's array is untouched").containsExactly(0, 1, 255);
    }

    @Test
    void theDefaultScalingMapsPixelsToZeroOne() {
        ModelSettings defaults = ModelSettings.from(Configs.of(LeanTtaModelConfig.class, Map.of()));

        assertThat(Samples.prepare(new float[] {0, 255}, Encoding.UINT8, 2, defaults)).containsExactly(0f, 1f);
    }

    @Test
    void theWrongSizeIsRefused() {
        thenRefused(new float[2], Encoding.FLOAT32, "sample has 2 values, the model expects 3");
        thenRefused(null, Encoding.FLOAT32, "no sample values");
    }

    @Test
    void nonFiniteValuesAreRefused() {
        thenRefused(new float[] {0, Float.NaN, 0}, Encoding.FLOAT32, "sample value 1 is NaN: expected a finite number");
        thenRefused(new float[] {0, 0, Float.NEGATIVE_INFINITY}, Encoding.UINT8,
                "sample value 2 is -Infinity: expected a finite number");
    }

    @Test
    void uint8OutOfRangeOrFractionalIsRefused() {
        thenRefused(new float[] {0, 256, 0}, Encoding.UINT8, "sample value 1 is 256.0: uint8 encoding expects "
                + "integers 0..255");
        thenRefused(new float[] {-1, 0, 0}, Encoding.UINT8, "sample value 0 is -1.0: uint8 encoding expects");
        thenRefused(new float[] {0, 0, 2.5f}, Encoding.UINT8, "sample value 2 is 2.5: uint8 encoding expects");
    }

    private static void thenRefused(float[] values, Encoding encoding, String message) {
        assertThatThrownBy(() -> Samples.prepare(values, encoding, 3, SCALED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}

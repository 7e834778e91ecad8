package org.leantta.tooling.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RangeTest {
    @Test
    void uint8CoversTheRangeWidenedToZero() {
        Range.ActivationQuant q = new Range(-1f, 3f).uint8();
        assertThat(q.scale()).isCloseTo(4f / 255, within(1e-7f));
        assertThat(q.zeroPoint()).isEqualTo(64);
        Range.ActivationQuant relu = new Range(0.5f, 2f).uint8();
        assertThat(relu.zeroPoint()).as("a non-negative range starts at zero: the Q clips like a Relu").isZero();
        assertThat(relu.scale()).isCloseTo(2f / 255, within(1e-7f));
    }

    @Test
    void degenerateAndInvalidRanges() {
        assertThat(new Range(0f, 0f).uint8()).isEqualTo(new Range.ActivationQuant(1f, 0));
        assertThatThrownBy(() -> new Range(2f, 1f)).hasMessageContaining("bad range");
        assertThatThrownBy(() -> new Range(Float.NaN, 1f)).hasMessageContaining("bad range");
    }

    @Test
    void weightsArePerChannelSymmetricAndTheBiasUsesTheProductScale() {
        float[] w = {1f, -0.4f, 0.25f, 0f, 0.05f, -0.2f};
        WeightQuant q = new WeightQuant(w, new float[] {0.3f, -0.1f}, 2, 0.5f);
        assertThat(q.scales[0]).isCloseTo(1f / 127, within(1e-8f));
        assertThat(q.scales[1]).isCloseTo(0.2f / 127, within(1e-8f));
        assertThat(q.weights).containsExactly(127, -51, 32, 0, 32, -127);
        assertThat(q.biasScales[0]).isCloseTo(0.5f / 127, within(1e-9f));
        assertThat(q.bias[0]).isEqualTo(Math.round(0.3f / (0.5f / 127)));
    }
}

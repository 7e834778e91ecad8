package org.leantta.tooling.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract checks run against every built-in corruption. */
class CorruptionPropertiesTest {

    /** Corruptions that draw from the generator; the others must ignore it. */
    static final Set<String> STOCHASTIC = Set.of("gaussian-noise", "shot-noise", "impulse-noise", "speckle-noise",
            "motion-blur", "fog", "snow", "dead-pixels", "stripe-noise");

    static final int H = TestImages.H;
    static final int W = TestImages.W;

    static Stream<Corruption> corruptions() {
        return Corruptions.all().stream();
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void sameSeedGivesIdenticalOutput(Corruption c) {
        float[] img = ShiftPreview.synthetic(H, W);
        for (int s = 1; s <= 5; s++) {
            float[] a = Corruptions.apply(c, img, 1, H, W, s, 42, 7);
            float[] b = Corruptions.apply(c, img, 1, H, W, s, 42, 7);
            assertThat(a).as("%s severity %d", c.name(), s).containsExactly(b);
        }
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void sampleIndexChangesOutputExactlyWhenStochastic(Corruption c) {
        float[] img = ShiftPreview.synthetic(H, W);
        float[] a = Corruptions.apply(c, img, 1, H, W, 3, 42, 1);
        float[] b = Corruptions.apply(c, img, 1, H, W, 3, 42, 2);
        assertThat(Arrays.equals(a, b)).as("%s identical across samples", c.name())
                .isEqualTo(!STOCHASTIC.contains(c.name()));
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void inputIsNeverModifiedAndOutputIsANewClippedArray(Corruption c) {
        float[] img = TestImages.rectOnGradient();
        float[] copy = img.clone();
        for (int s = 1; s <= 5; s++) {
            float[] out = c.apply(img, 1, H, W, s, new SplittableRandom(s));
            assertThat(img).as("input after %s severity %d", c.name(), s).containsExactly(copy);
            assertThat(out).isNotSameAs(img).hasSize(img.length);
            for (float v : out) {
                assertThat(v).as("%s severity %d", c.name(), s).isBetween(0f, 1f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void changesEveryTypicalImageAtEverySeverity(Corruption c) {
        for (TestImages.Named img : TestImages.typical()) {
            for (int s = 1; s <= 5; s++) {
                float[] out = Corruptions.apply(c, img.pixels(), 1, H, W, s, 5, 0);
                assertThat(TestImages.meanAbsDiff(out, img.pixels()))
                        .as("%s severity %d on %s", c.name(), s, img).isGreaterThan(1e-3);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void meanAbsoluteChangeIsNonDecreasingInSeverity(Corruption c) {
        int samples = STOCHASTIC.contains(c.name()) ? 40 : 1;
        for (TestImages.Named img : TestImages.typical()) {
            double[] change = new double[6];
            for (int s = 1; s <= 5; s++) {
                for (int k = 0; k < samples; k++) {
                    float[] out = Corruptions.apply(c, img.pixels(), 1, H, W, s, 11, k);
                    change[s] += TestImages.meanAbsDiff(out, img.pixels()) / samples;
                }
                assertThat(change[s]).as("%s on %s: severity %d vs %d, %s", c.name(), img, s, s - 1,
                        Arrays.toString(change)).isGreaterThanOrEqualTo(change[s - 1]);
            }
            assertThat(change[5]).as("%s on %s: severity 5 clearly harder than 1", c.name(), img)
                    .isGreaterThan(1.3 * change[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void worksOnMultiChannelNonSquareImages(Corruption c) {
        int ch = 3;
        int h = 20;
        int w = 24;
        float[] img = new float[ch * h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (0.5 + 0.4 * Math.sin(i * 0.37));
        }
        float[] out = Corruptions.apply(c, img, ch, h, w, 5, 3, 9);
        assertThat(out).hasSize(img.length).isNotEqualTo(img);
        assertThat(out).containsExactly(Corruptions.apply(c, img, ch, h, w, 5, 3, 9));
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void rejectsInvalidSeverityAndShape(Corruption c) {
        float[] img = TestImages.rectOnGradient();
        SplittableRandom rng = new SplittableRandom(1);
        assertThatThrownBy(() -> c.apply(img, 1, H, W, 0, rng)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("severity");
        assertThatThrownBy(() -> c.apply(img, 1, H, W, 6, rng)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.apply(img, 1, H, W + 1, 1, rng)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> c.apply(null, 1, H, W, 1, rng)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.leantta.tooling.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks that each corruption does what its documentation says. */
class CorruptionBehaviourTest {

    private static final int N = 96;

    private static float[] apply(String name, float[] img, int h, int w, int severity, int sample) {
        return Corruptions.apply(Corruptions.byName(name), img, 1, h, w, severity, 123, sample);
    }

    private static float[] minus(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Test
    void gaussianNoiseHasTheTabulatedStandardDeviation() {
        float[] grey = TestImages.constant(N * N, 0.5f);
        for (int s = 1; s <= 2; s++) {
            float[] d = minus(apply("gaussian-noise", grey, N, N, s, 0), grey);
            assertThat(TestImages.std(d)).isCloseTo(NoiseShifts.GaussianNoise.SIGMA[s - 1], within(0.006));
            assertThat(TestImages.mean(d)).isCloseTo(0, within(0.01));
        }
    }

    @Test
    void shotNoiseIsUnbiasedAndKeepsBlackBlack() {
        float[] grey = TestImages.constant(N * N, 0.5f);
        assertThat(TestImages.mean(apply("shot-noise", grey, N, N, 1, 0))).isCloseTo(0.5, within(0.01));
        // Poisson(lambda x) / lambda with lambda = 3 only takes multiples of 1/3
        for (float v : apply("shot-noise", grey, N, N, 5, 0)) {
            assertThat(v * 3).isCloseTo(Math.round(v * 3), within(1e-4f));
        }
        assertThat(apply("shot-noise", new float[N * N], N, N, 5, 0)).containsOnly(0f);
    }

    @Test
    void impulseNoiseReplacesTheTabulatedFractionBySaltAndPepper() {
        float[] grey = TestImages.constant(N * N, 0.5f);
        float[] out = apply("impulse-noise", grey, N, N, 5, 0);
        int salt = 0;
        int pepper = 0;
        for (float v : out) {
            assertThat(v).isIn(0f, 0.5f, 1f);
            salt += v == 1f ? 1 : 0;
            pepper += v == 0f ? 1 : 0;
        }
        assertThat((salt + pepper) / (double) out.length).isCloseTo(0.27, within(0.02));
        assertThat(salt / (double) (salt + pepper)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void speckleNoiseScalesWithIntensity() {
        float[] grey = TestImages.constant(N * N, 0.4f);
        float[] d = minus(apply("speckle-noise", grey, N, N, 1, 0), grey);
        assertThat(TestImages.std(d)).isCloseTo(0.4 * 0.15, within(0.005));
        assertThat(apply("speckle-noise", new float[N * N], N, N, 5, 0)).containsOnly(0f);
    }

    @Test
    void blursKeepConstantImagesAndPreserveMeanOfCentredObjects() {
        float[] grey = TestImages.constant(28 * 28, 0.3f);
        float[] garment = ShiftPreview.synthetic(28, 28);
        for (String name : List.of("gaussian-blur", "defocus-blur", "motion-blur")) {
            for (int s = 1; s <= 5; s++) {
                assertThat(apply(name, grey, 28, 28, s, s)).as(name).containsOnly(0.3f);
            }
            assertThat(TestImages.mean(apply(name, garment, 28, 28, 3, 0)))
                    .as(name).isCloseTo(TestImages.mean(garment), within(0.01));
        }
    }

    @Test
    void diskKernelIsNormalisedSymmetricAndRound() {
        float[][] k = Kernels.diskKernel(2.5);
        double sum = 0;
        for (int y = 0; y < k.length; y++) {
            for (int x = 0; x < k.length; x++) {
                sum += k[y][x];
                assertThat(k[y][x]).isEqualTo(k[x][y]).isEqualTo(k[k.length - 1 - y][x]);
            }
        }
        assertThat(sum).isCloseTo(1, within(1e-5));
        assertThat(k[0][0]).isZero();
        assertThat(k[k.length / 2][k.length / 2]).isPositive();
    }

    @Test
    void contrastPreservesMeanAndScalesDeviation() {
        float[] img = TestImages.rectOnGradient();
        float[] out = apply("contrast", img, 28, 28, 2, 0);
        assertThat(TestImages.mean(out)).isCloseTo(TestImages.mean(img), within(1e-5));
        assertThat(TestImages.std(out)).isCloseTo(0.5 * TestImages.std(img), within(1e-5));
    }

    @Test
    void brightnessAddsTheTabulatedShift() {
        float[] img = TestImages.rectOnGradient();
        float[] out = apply("brightness", img, 28, 28, 3, 0);
        assertThat(out[0]).isCloseTo(img[0] + 0.3f, within(1e-6f));
        // 0.8 inside the rectangle saturates
        assertThat(img[10 * 28 + 14]).isCloseTo(0.8f, within(1e-6f));
        assertThat(out[10 * 28 + 14]).isEqualTo(1f);
    }

    @Test
    void pixelateProducesConstantBlocks() {
        float[] img = TestImages.rectOnGradient();
        float[] out = apply("pixelate", img, 28, 28, 5, 0);
        Set<Float> distinct = new HashSet<>();
        for (float v : out) {
            distinct.add(v);
        }
        assertThat(distinct.size()).isBetween(2, 36);
        assertThat(TestImages.mean(out)).isCloseTo(TestImages.mean(img), within(1e-4));
    }

    @Test
    void jpegOutputIsEightBitAndChannelsAreIndependent() {
        float[] a = ShiftPreview.synthetic(28, 28);
        float[] b = TestImages.rectOnGradient();
        float[] both = new float[2 * 28 * 28];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Corruption jpeg = Corruptions.byName("jpeg");
        float[] out = jpeg.apply(both, 2, 28, 28, 4, new SplittableRandom(0));
        for (float v : out) {
            assertThat(v * 255).isCloseTo(Math.round(v * 255), within(1e-3f));
        }
        float[] second = jpeg.apply(b, 1, 28, 28, 4, new SplittableRandom(0));
        assertThat(java.util.Arrays.copyOfRange(out, a.length, out.length)).containsExactly(second);
    }

    @Test
    void fogVeilsEvenABlackFrameWithSpatiallyVaryingHaze() {
        float[] black = new float[28 * 28];
        float[] out = apply("fog", black, 28, 28, 5, 0);
        assertThat(TestImages.mean(out)).isGreaterThan(0.1);
        assertThat(TestImages.std(out)).isGreaterThan(0.03);
    }

    @Test
    void plasmaIsNormalisedAndRejectsNonPowersOfTwo() {
        double[] p = Plasma.fractal(32, 2, new SplittableRandom(4));
        double min = 1;
        double max = 0;
        for (double v : p) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1.0);
        assertThat(Plasma.sizeFor(28)).isEqualTo(32);
        assertThatThrownBy(() -> Plasma.fractal(28, 2, new SplittableRandom(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snowBrightensTheImage() {
        float[] img = TestImages.rectOnGradient();
        for (int s = 1; s <= 5; s++) {
            assertThat(TestImages.mean(apply("snow", img, 28, 28, s, s))).isGreaterThan(TestImages.mean(img) + 0.02);
        }
    }

    @Test
    void gainOffsetIsTheTabulatedLinearMap() {
        float[] img = TestImages.rectOnGradient();
        float[] out = apply("gain-offset", img, 28, 28, 5, 0);
        for (int i = 0; i < img.length; i++) {
            assertThat(out[i]).isCloseTo(0.5f * img[i] + 0.2f, within(1e-6f));
        }
    }

    @Test
    void deadPixelsStickTheTabulatedFractionOfSitesInAllChannels() {
        int plane = N * N;
        float[] grey = TestImages.constant(3 * plane, 0.5f);
        float[] out = Corruptions.apply(Corruptions.byName("dead-pixels"), grey, 3, N, N, 5, 1, 0);
        int dead = 0;
        for (int p = 0; p < plane; p++) {
            assertThat(out[p]).isIn(0f, 0.5f, 1f).isEqualTo(out[plane + p]).isEqualTo(out[2 * plane + p]);
            dead += out[p] != 0.5f ? 1 : 0;
        }
        assertThat(dead / (double) plane).isCloseTo(0.10, within(0.015));
    }

    @Test
    void stripeNoiseIsASumOfRowAndColumnOffsets() {
        float[] grey = TestImages.constant(N * N, 0.5f);
        float[] d = minus(apply("stripe-noise", grey, N, N, 1, 0), grey);
        for (int y = 1; y < N; y++) {
            for (int x = 1; x < N; x++) {
                assertThat(d[y * N + x] - d[y * N] - d[x] + d[0]).isCloseTo(0f, within(1e-5f));
            }
        }
        assertThat(TestImages.std(d)).isGreaterThan(0.02);
    }

    @Test
    void quantizeSnapsToTheTabulatedGrid() {
        float[] img = TestImages.rectOnGradient();
        for (int s = 1; s <= 5; s++) {
            int steps = SensorShifts.Quantize.STEPS[s - 1];
            for (float v : apply("quantize", img, 28, 28, s, 0)) {
                assertThat(v * steps).isCloseTo(Math.round(v * steps), within(1e-4f));
            }
        }
        assertThat(apply("quantize", img, 28, 28, 5, 0)).containsOnly(0f, 1f);
    }

    @Test
    void motionBlurAngleVariesPerSample() {
        float[] img = ShiftPreview.synthetic(28, 28);
        Set<Double> changes = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            changes.add(TestImages.meanAbsDiff(apply("motion-blur", img, 28, 28, 5, k), img));
        }
        assertThat(changes).hasSize(5);
    }
}

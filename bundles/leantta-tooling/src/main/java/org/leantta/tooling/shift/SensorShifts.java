package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/** The {@link Family#SENSOR} corruptions: drift and defects of the imaging sensor itself. */
final class SensorShifts {

    private SensorShifts() {
    }

    /**
     * Gain and black-level drift {@code g * x + o} (linear sensor model of EMVA 1288): an ageing sensor loses
     * sensitivity while its dark level rises. Deterministic, so a drifted sensor stays drifted.
     * <p>Severity 1..5: g = 0.9, 0.8, 0.7, 0.6, 0.5; o = 0.04, 0.08, 0.12, 0.16, 0.20.
     */
    static final class GainOffset extends BaseCorruption {
        static final double[] GAIN = {0.9, 0.8, 0.7, 0.6, 0.5};
        static final double[] OFFSET = {0.04, 0.08, 0.12, 0.16, 0.20};

        GainOffset() {
            super("gain-offset", Family.SENSOR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            float g = (float) at(GAIN, severity);
            float o = (float) at(OFFSET, severity);
            for (int i = 0; i < x.length; i++) {
                x[i] = g * x[i] + o;
            }
            return x;
        }
    }

    /**
     * Dead and hot pixels: a fraction {@code p} of pixel sites is stuck at 0 or 1 (equally likely) in all
     * channels (impulse-noise style of MNIST-C / CIFAR-10-C applied to fixed sites).
     * <p>Severity 1..5: p = 0.01, 0.02, 0.04, 0.07, 0.10.
     */
    static final class DeadPixels extends BaseCorruption {
        static final double[] FRACTION = {0.01, 0.02, 0.04, 0.07, 0.10};

        DeadPixels() {
            super("dead-pixels", Family.SENSOR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double p = at(FRACTION, severity);
            int plane = h * w;
            for (int site = 0; site < plane; site++) {
                if (rng.nextDouble() < p) {
                    float stuck = rng.nextBoolean() ? 1f : 0f;
                    for (int ch = 0; ch < c; ch++) {
                        x[ch * plane + site] = stuck;
                    }
                }
            }
            return x;
        }
    }

    /**
     * Row and column fixed-pattern noise of a line-wise read-out: every column gets an offset
     * {@code N(0, s^2)} and every row an offset {@code N(0, (s/2)^2)}, shared by all channels.
     * <p>Severity 1..5: s = 0.04, 0.08, 0.12, 0.16, 0.20.
     */
    static final class StripeNoise extends BaseCorruption {
        static final double[] SIGMA = {0.04, 0.08, 0.12, 0.16, 0.20};

        StripeNoise() {
            super("stripe-noise", Family.SENSOR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double s = at(SIGMA, severity);
            double[] column = new double[w];
            double[] row = new double[h];
            for (int col = 0; col < w; col++) {
                column[col] = s * rng.nextGaussian();
            }
            for (int y = 0; y < h; y++) {
                row[y] = s / 2 * rng.nextGaussian();
            }
            for (int i = 0; i < x.length; i++) {
                int p = i % (h * w);
                x[i] += (float) (column[p % w] + row[p / w]);
            }
            return x;
        }
    }

    /**
     * Bit-depth loss: values rounded to {@code n + 1} evenly spaced grey levels including 0 and 1 (a cheaper
     * ADC or an aggressive on-device encoding). The grids are nested, so the error never shrinks with severity.
     * <p>Severity 1..5: n = 16, 8, 4, 2, 1 steps (17, 9, 5, 3, 2 levels).
     */
    static final class Quantize extends BaseCorruption {
        static final int[] STEPS = {16, 8, 4, 2, 1};

        Quantize() {
            super("quantize", Family.SENSOR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            int steps = STEPS[severity - 1];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.round(Images.clamp(x[i]) * steps) / (float) steps;
            }
            return x;
        }
    }
}

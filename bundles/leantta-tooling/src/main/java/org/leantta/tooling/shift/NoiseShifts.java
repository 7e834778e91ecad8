package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/** The {@link Family#NOISE} corruptions; values follow the ImageNet-C tables of Hendrycks &amp; Dietterich (2019). */
final class NoiseShifts {

    private NoiseShifts() {
    }

    /**
     * Additive Gaussian noise {@code x + N(0, sigma^2)}.
     * <p>Severity 1..5: sigma = 0.08, 0.12, 0.18, 0.26, 0.38.
     */
    static final class GaussianNoise extends BaseCorruption {
        static final double[] SIGMA = {0.08, 0.12, 0.18, 0.26, 0.38};

        GaussianNoise() {
            super("gaussian-noise", Family.NOISE);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double sigma = at(SIGMA, severity);
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (sigma * rng.nextGaussian());
            }
            return x;
        }
    }

    /**
     * Photon (shot) noise {@code Poisson(x * lambda) / lambda}: fewer photons, more noise.
     * <p>Severity 1..5: lambda = 60, 25, 12, 5, 3.
     */
    static final class ShotNoise extends BaseCorruption {
        static final double[] LAMBDA = {60, 25, 12, 5, 3};

        ShotNoise() {
            super("shot-noise", Family.NOISE);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double lambda = at(LAMBDA, severity);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (poisson(Math.max(0, x[i]) * lambda, rng) / lambda);
            }
            return x;
        }

        /** Knuth's multiplication method; exact and fast enough for means up to a few hundred. */
        static int poisson(double mean, SplittableRandom rng) {
            double limit = Math.exp(-mean);
            double p = 1;
            int k = -1;
            do {
                k++;
                p *= rng.nextDouble();
            } while (p > limit);
            return k;
        }
    }

    /**
     * Salt-and-pepper noise: a fraction {@code amount} of the values is replaced, half by 0 and half by 1.
     * <p>Severity 1..5: amount = 0.03, 0.06, 0.09, 0.17, 0.27.
     */
    static final class ImpulseNoise extends BaseCorruption {
        static final double[] AMOUNT = {0.03, 0.06, 0.09, 0.17, 0.27};

        ImpulseNoise() {
            super("impulse-noise", Family.NOISE);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double amount = at(AMOUNT, severity);
            for (int i = 0; i < x.length; i++) {
                if (rng.nextDouble() < amount) {
                    x[i] = rng.nextBoolean() ? 1f : 0f;
                }
            }
            return x;
        }
    }

    /**
     * Multiplicative speckle noise {@code x + x * N(0, sigma^2)}.
     * <p>Severity 1..5: sigma = 0.15, 0.20, 0.35, 0.45, 0.60.
     */
    static final class SpeckleNoise extends BaseCorruption {
        static final double[] SIGMA = {0.15, 0.20, 0.35, 0.45, 0.60};

        SpeckleNoise() {
            super("speckle-noise", Family.NOISE);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double sigma = at(SIGMA, severity);
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (x[i] * sigma * rng.nextGaussian());
            }
            return x;
        }
    }
}

package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/**
 * The {@link Family#BLUR} corruptions; CIFAR-10-C parameters (Hendrycks &amp; Dietterich 2019) rescaled
 * from 32x32 to 28x28 and widened where the 32x32 values are barely visible.
 */
final class BlurShifts {

    private BlurShifts() {
    }

    /**
     * Isotropic Gaussian blur (out-of-focus optics, lens smear).
     * <p>Severity 1..5: sigma (px) = 0.5, 0.75, 1.0, 1.25, 1.5.
     */
    static final class GaussianBlur extends BaseCorruption {
        static final double[] SIGMA = {0.5, 0.75, 1.0, 1.25, 1.5};

        GaussianBlur() {
            super("gaussian-blur", Family.BLUR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            return Kernels.convolveSeparable(x, c, h, w, Kernels.gaussianKernel(at(SIGMA, severity)));
        }
    }

    /**
     * Defocus blur: convolution with an anti-aliased disk (the circle of confusion of a defocused lens).
     * <p>Severity 1..5: disk radius (px) = 1.0, 1.5, 2.0, 2.5, 3.0.
     */
    static final class DefocusBlur extends BaseCorruption {
        static final double[] RADIUS = {1.0, 1.5, 2.0, 2.5, 3.0};

        DefocusBlur() {
            super("defocus-blur", Family.BLUR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            return Kernels.convolve(x, c, h, w, Kernels.diskKernel(at(RADIUS, severity)));
        }
    }

    /**
     * Motion blur: one-sided line kernel with Gaussian tap weights (ImageNet-C kernel) at an angle drawn
     * uniformly from [-45, 45] degrees.
     * <p>Severity 1..5: (radius px, sigma px) = (9, 1.0), (9, 1.5), (9, 2.0), (9, 2.5), (10, 3.0).
     */
    static final class MotionBlur extends BaseCorruption {
        static final int[] RADIUS = {9, 9, 9, 9, 10};
        static final double[] SIGMA = {1.0, 1.5, 2.0, 2.5, 3.0};

        MotionBlur() {
            super("motion-blur", Family.BLUR);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double angle = rng.nextDouble(-45, 45);
            return Kernels.motionBlur(x, c, h, w, RADIUS[severity - 1], at(SIGMA, severity), angle);
        }
    }
}

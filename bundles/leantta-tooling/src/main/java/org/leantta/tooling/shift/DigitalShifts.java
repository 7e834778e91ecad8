package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/** The {@link Family#DIGITAL} corruptions except JPEG (see {@link JpegShift}). */
final class DigitalShifts {

    private DigitalShifts() {
    }

    /**
     * Contrast loss towards the per-channel mean: {@code (x - mean) * c + mean} (CIFAR-10-C table).
     * <p>Severity 1..5: c = 0.75, 0.5, 0.4, 0.3, 0.15.
     */
    static final class Contrast extends BaseCorruption {
        static final double[] FACTOR = {0.75, 0.5, 0.4, 0.3, 0.15};

        Contrast() {
            super("contrast", Family.DIGITAL);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double factor = at(FACTOR, severity);
            int plane = h * w;
            for (int ch = 0; ch < c; ch++) {
                double mean = 0;
                for (int i = ch * plane; i < (ch + 1) * plane; i++) {
                    mean += x[i];
                }
                mean /= plane;
                for (int i = ch * plane; i < (ch + 1) * plane; i++) {
                    x[i] = (float) ((x[i] - mean) * factor + mean);
                }
            }
            return x;
        }
    }

    /**
     * Brightness increase {@code x + b}, the grey-scale case of the ImageNet-C HSV value shift.
     * <p>Severity 1..5: b = 0.1, 0.2, 0.3, 0.4, 0.5.
     */
    static final class Brightness extends BaseCorruption {
        static final double[] SHIFT = {0.1, 0.2, 0.3, 0.4, 0.5};

        Brightness() {
            super("brightness", Family.DIGITAL);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            float b = (float) at(SHIFT, severity);
            for (int i = 0; i < x.length; i++) {
                x[i] += b;
            }
            return x;
        }
    }

    /**
     * Pixelation: the image is cut into {@code n x n} blocks (n scaled with the image size) and every block
     * is replaced by its mean, like the CIFAR-10-C box down- and up-scaling without resampling offsets.
     * <p>Severity 1..5: blocks per side at 28 px n = 20, 17, 13, 9, 6 (block edge 1.4, 1.6, 2.2, 3.1, 4.7 px).
     */
    static final class Pixelate extends BaseCorruption {
        static final int[] BLOCKS_AT_28 = {20, 17, 13, 9, 6};

        Pixelate() {
            super("pixelate", Family.DIGITAL);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double f = BLOCKS_AT_28[severity - 1] / 28.0;
            int nh = Math.max(1, Math.min(h, (int) Math.round(f * h)));
            int nw = Math.max(1, Math.min(w, (int) Math.round(f * w)));
            for (int ch = 0; ch < c; ch++) {
                Images.blockMean(x, ch * h * w, h, w, nh, nw);
            }
            return x;
        }
    }
}

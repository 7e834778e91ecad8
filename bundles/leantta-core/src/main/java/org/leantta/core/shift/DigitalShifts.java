package org.leantta.core.shift;

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
     * Pixelation: area-average down to {@code round(f * size)} then nearest-neighbour back up
     * (CIFAR-10-C box resize, factors widened for 28x28).
     * <p>Severity 1..5: f = 0.75, 0.6, 0.5, 0.4, 0.3 (28 px: 21, 17, 14, 11, 8).
     */
    static final class Pixelate extends BaseCorruption {
        static final double[] FACTOR = {0.75, 0.6, 0.5, 0.4, 0.3};

        Pixelate() {
            super("pixelate", Family.DIGITAL);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double f = at(FACTOR, severity);
            int nh = Math.max(1, (int) Math.round(f * h));
            int nw = Math.max(1, (int) Math.round(f * w));
            int plane = h * w;
            for (int ch = 0; ch < c; ch++) {
                float[] src = new float[plane];
                System.arraycopy(x, ch * plane, src, 0, plane);
                float[] small = Images.resizeArea(src, h, w, nh, nw);
                System.arraycopy(Images.resizeNearest(small, nh, nw, h, w), 0, x, ch * plane, plane);
            }
            return x;
        }
    }
}

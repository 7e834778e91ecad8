package org.leantta.tooling.shift;

import java.util.List;

/** Synthetic 28x28 grey test images with Fashion-MNIST-like statistics (dark background, varied object). */
final class TestImages {

    static final int H = 28;
    static final int W = 28;

    private TestImages() {
    }

    /** A named [1][H][W] image. */
    record Named(String name, float[] pixels) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The images used for the per-corruption property tests. */
    static List<Named> typical() {
        return List.of(new Named("garment", ShiftPreview.synthetic(H, W)), new Named("rect", rectOnGradient()),
                new Named("checker", checkerboard(3, 0.15f, 0.85f)));
    }

    /** A textured bright rectangle on a dark background with a faint vertical gradient. */
    static float[] rectOnGradient() {
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean inside = y >= 5 && y < 23 && x >= 8 && x < 20;
                float texture = ((x + 2 * y) % 5) * 0.05f;
                img[y * W + x] = inside ? 0.6f + texture : 0.1f * y / H;
            }
        }
        return img;
    }

    /** A checkerboard of {@code cell}-pixel squares alternating between two grey values. */
    static float[] checkerboard(int cell, float low, float high) {
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img[y * W + x] = ((y / cell + x / cell) % 2 == 0) ? low : high;
            }
        }
        return img;
    }

    /** A constant image of the given shape. */
    static float[] constant(int length, float value) {
        float[] img = new float[length];
        java.util.Arrays.fill(img, value);
        return img;
    }

    /** Mean absolute difference of two equally long arrays. */
    static double meanAbsDiff(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /** Mean of an array. */
    static double mean(float[] a) {
        double sum = 0;
        for (float v : a) {
            sum += v;
        }
        return sum / a.length;
    }

    /** Population standard deviation of an array. */
    static double std(float[] a) {
        double m = mean(a);
        double sum = 0;
        for (float v : a) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / a.length);
    }
}

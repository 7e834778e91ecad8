package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/**
 * Seeded plasma fractal (diamond-square) as used by the ImageNet-C / CIFAR-10-C fog corruption,
 * including its wrap-around neighbourhoods and its {@code wibble * U(-wibble, wibble)} perturbation.
 */
final class Plasma {

    private Plasma() {
    }

    /** Returns a {@code size x size} map (size a power of two) normalised to [0,1], row-major. */
    static double[] fractal(int size, double wibbleDecay, SplittableRandom rng) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("plasma size must be a power of two >= 2, got " + size);
        }
        double[] map = new double[size * size];
        double wibble = 100;
        for (int step = size; step >= 2; step /= 2) {
            fillSquares(map, size, step, wibble, rng);
            fillDiamonds(map, size, step, wibble, rng);
            wibble /= wibbleDecay;
        }
        return normalise(map);
    }

    /** Smallest power of two that is at least {@code n} (and at least 2). */
    static int sizeFor(int n) {
        int size = 2;
        while (size < n) {
            size *= 2;
        }
        return size;
    }

    private static void fillSquares(double[] m, int size, int step, double wibble, SplittableRandom rng) {
        int half = step / 2;
        for (int y = 0; y < size; y += step) {
            for (int x = 0; x < size; x += step) {
                int y1 = (y + step) % size;
                int x1 = (x + step) % size;
                double sum = m[y * size + x] + m[y1 * size + x] + m[y * size + x1] + m[y1 * size + x1];
                m[(y + half) * size + x + half] = wibbled(sum, wibble, rng);
            }
        }
    }

    private static void fillDiamonds(double[] m, int size, int step, double wibble, SplittableRandom rng) {
        int half = step / 2;
        for (int y = 0; y < size; y += step) {
            for (int x = 0; x < size; x += step) {
                int yUp = (y - step + size) % size;
                double left = m[(y + half) * size + x + half] + m[(yUp + half) * size + x + half]
                        + m[y * size + x] + m[y * size + (x + step) % size];
                m[y * size + x + half] = wibbled(left, wibble, rng);
            }
        }
        for (int y = 0; y < size; y += step) {
            for (int x = 0; x < size; x += step) {
                int xLeft = (x - step + size) % size;
                double top = m[(y + half) * size + x + half] + m[(y + half) * size + xLeft + half]
                        + m[y * size + x] + m[((y + step) % size) * size + x];
                m[(y + half) * size + x] = wibbled(top, wibble, rng);
            }
        }
    }

    private static double wibbled(double sum, double wibble, SplittableRandom rng) {
        return sum / 4 + wibble * rng.nextDouble(-wibble, wibble);
    }

    private static double[] normalise(double[] map) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max > min ? max - min : 1;
        for (int i = 0; i < map.length; i++) {
            map[i] = (map[i] - min) / range;
        }
        return map;
    }
}

package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/** The {@link Family#WEATHER} corruptions, after CIFAR-10-C (Hendrycks &amp; Dietterich 2019). */
final class WeatherShifts {

    private WeatherShifts() {
    }

    /**
     * Fog: adds {@code t * plasma} (seeded diamond-square fractal, roughness {@code d}) and rescales by
     * {@code max / (max + t)} (CIFAR-10-C formula; {@code max} is floored at 0.5 so dark frames still fog).
     * <p>Severity 1..5: (t, d) = (0.2, 3), (0.5, 3), (0.75, 2.5), (1.0, 2), (1.5, 1.75).
     */
    static final class Fog extends BaseCorruption {
        static final double[] THICKNESS = {0.2, 0.5, 0.75, 1.0, 1.5};
        static final double[] DECAY = {3, 3, 2.5, 2, 1.75};

        Fog() {
            super("fog", Family.WEATHER);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            double t = at(THICKNESS, severity);
            int size = Plasma.sizeFor(Math.max(h, w));
            double[] plasma = Plasma.fractal(size, at(DECAY, severity), rng);
            double max = 0.5;
            for (float v : x) {
                max = Math.max(max, v);
            }
            double scale = max / (max + t);
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int col = 0; col < w; col++) {
                        int i = (ch * h + y) * w + col;
                        x[i] = (float) ((x[i] + t * plasma[y * size + col]) * scale);
                    }
                }
            }
            return x;
        }
    }

    /**
     * Snow: a thresholded, zoomed Gaussian flake layer, motion-blurred at an angle in [-135, -45] degrees,
     * added twice (the second copy rotated 180 degrees) to the image brightened by {@code (1 - m)}
     * (CIFAR-10-C formula, blur lengths scaled by 28/32).
     * <p>Severity 1..5: (mean, std, zoom, threshold, blur radius, blur sigma, image mix m) =
     * (0.1, 0.2, 1, 0.6, 7, 2.6, 0.95), (0.1, 0.2, 1, 0.5, 9, 3.5, 0.9), (0.15, 0.3, 1.75, 0.55, 9, 3.5, 0.9),
     * (0.25, 0.3, 2.25, 0.6, 10, 5.25, 0.85), (0.3, 0.3, 1.25, 0.65, 12, 10.5, 0.8).
     */
    static final class Snow extends BaseCorruption {
        static final double[] MEAN = {0.1, 0.1, 0.15, 0.25, 0.3};
        static final double[] STD = {0.2, 0.2, 0.3, 0.3, 0.3};
        static final double[] ZOOM = {1, 1, 1.75, 2.25, 1.25};
        static final double[] THRESHOLD = {0.6, 0.5, 0.55, 0.6, 0.65};
        static final int[] RADIUS = {7, 9, 9, 10, 12};
        static final double[] SIGMA = {2.6, 3.5, 3.5, 5.25, 10.5};
        static final double[] MIX = {0.95, 0.9, 0.9, 0.85, 0.8};

        Snow() {
            super("snow", Family.WEATHER);
        }

        @Override
        float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
            float[] snow = flakes(h, w, severity, rng);
            double angle = rng.nextDouble(-135, -45);
            snow = Kernels.motionBlur(snow, 1, h, w, RADIUS[severity - 1], at(SIGMA, severity), angle);
            double mix = at(MIX, severity);
            int plane = h * w;
            for (int i = 0; i < x.length; i++) {
                int p = i % plane;
                double v = mix * x[i] + (1 - mix) * Math.max(x[i], x[i] * 1.5 + 0.5);
                x[i] = (float) (v + snow[p] + snow[plane - 1 - p]);
            }
            return x;
        }

        private static float[] flakes(int h, int w, int severity, SplittableRandom rng) {
            float[] noise = new float[h * w];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (at(MEAN, severity) + at(STD, severity) * rng.nextGaussian());
            }
            double zoom = at(ZOOM, severity);
            double threshold = at(THRESHOLD, severity);
            float[] layer = new float[h * w];
            double cy = (h - 1) / 2.0;
            double cx = (w - 1) / 2.0;
            for (int y = 0; y < h; y++) {
                for (int col = 0; col < w; col++) {
                    float v = Images.bilinear(noise, 0, h, w, cy + (y - cy) / zoom, cx + (col - cx) / zoom);
                    layer[y * w + col] = v < threshold ? 0f : Images.clamp(v);
                }
            }
            return layer;
        }
    }
}

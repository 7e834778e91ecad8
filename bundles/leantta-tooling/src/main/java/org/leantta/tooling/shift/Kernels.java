package org.leantta.tooling.shift;

/** Convolution kernels for the blur corruptions, applied per channel with replicated borders. */
final class Kernels {

    private Kernels() {
    }

    /** Normalised 1-D Gaussian kernel of radius ceil(3 sigma). */
    static float[] gaussianKernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-(i * i) / (2 * sigma * sigma));
            k[i + r] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }

    /** Convolves every channel with the separable kernel {@code k} (odd length) along both axes. */
    static float[] convolveSeparable(float[] img, int c, int h, int w, float[] k) {
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        int r = k.length / 2;
        for (int ch = 0; ch < c; ch++) {
            int off = ch * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int i = -r; i <= r; i++) {
                        acc += k[i + r] * img[off + y * w + Images.clampIndex(x + i, w)];
                    }
                    tmp[off + y * w + x] = (float) acc;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int i = -r; i <= r; i++) {
                        acc += k[i + r] * tmp[off + Images.clampIndex(y + i, h) * w + x];
                    }
                    out[off + y * w + x] = (float) acc;
                }
            }
        }
        return out;
    }

    /** Convolves every channel with the square kernel {@code k} (odd size). */
    static float[] convolve(float[] img, int c, int h, int w, float[][] k) {
        float[] out = new float[img.length];
        int r = k.length / 2;
        for (int ch = 0; ch < c; ch++) {
            int off = ch * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int dy = -r; dy <= r; dy++) {
                        int row = off + Images.clampIndex(y + dy, h) * w;
                        for (int dx = -r; dx <= r; dx++) {
                            acc += k[dy + r][dx + r] * img[row + Images.clampIndex(x + dx, w)];
                        }
                    }
                    out[off + y * w + x] = (float) acc;
                }
            }
        }
        return out;
    }

    /**
     * One-sided motion blur of every channel: taps t = 0..2r along the angle, weighted by
     * exp(-t^2 / 2 sigma^2), sampled bilinearly (sub-pixel version of the ImageNet-C kernel).
     */
    static float[] motionBlur(float[] img, int c, int h, int w, int radius, double sigma, double angleDeg) {
        int taps = 2 * radius + 1;
        double[] weight = new double[taps];
        double sum = 0;
        for (int t = 0; t < taps; t++) {
            weight[t] = Math.exp(-(t * t) / (2 * sigma * sigma));
            sum += weight[t];
        }
        double dy = Math.sin(Math.toRadians(angleDeg));
        double dx = Math.cos(Math.toRadians(angleDeg));
        float[] out = new float[img.length];
        for (int ch = 0; ch < c; ch++) {
            int off = ch * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double acc = 0;
                    for (int t = 0; t < taps; t++) {
                        acc += weight[t] * Images.bilinear(img, off, h, w, y + t * dy, x + t * dx);
                    }
                    out[off + y * w + x] = (float) (acc / sum);
                }
            }
        }
        return out;
    }

    /** Normalised disk kernel of the given radius; edge pixels weighted by their covered area (8x8 supersampling). */
    static float[][] diskKernel(double radius) {
        int r = (int) Math.ceil(radius);
        float[][] k = new float[2 * r + 1][2 * r + 1];
        double sum = 0;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                double cover = diskCoverage(y, x, radius);
                k[y + r][x + r] = (float) cover;
                sum += cover;
            }
        }
        for (float[] row : k) {
            for (int i = 0; i < row.length; i++) {
                row[i] /= (float) sum;
            }
        }
        return k;
    }

    private static double diskCoverage(int y, int x, double radius) {
        int inside = 0;
        for (int sy = 0; sy < 8; sy++) {
            for (int sx = 0; sx < 8; sx++) {
                double py = y - 0.5 + (sy + 0.5) / 8;
                double px = x - 0.5 + (sx + 0.5) / 8;
                if (py * py + px * px <= radius * radius) {
                    inside++;
                }
            }
        }
        return inside / 64.0;
    }
}

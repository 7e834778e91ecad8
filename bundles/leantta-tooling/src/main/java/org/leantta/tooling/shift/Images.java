package org.leantta.tooling.shift;

/** Array helpers for [C][H][W] float images shared by the corruptions; borders are replicated. */
final class Images {

    private Images() {
    }

    /** Throws unless {@code image} is non-null and matches the shape. */
    static void checkShape(float[] image, int channels, int height, int width) {
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("invalid shape " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width != image.length) {
            throw new IllegalArgumentException("image length " + image.length + " does not match shape "
                    + channels + "x" + height + "x" + width);
        }
    }

    /** Clamps to [0,1]; NaN becomes 0. */
    static float clamp(double v) {
        if (!(v >= 0)) {
            return 0f;
        }
        return v > 1 ? 1f : (float) v;
    }

    /** Clips every element to [0,1] in place and returns the array. */
    static float[] clip(float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = clamp(a[i]);
        }
        return a;
    }

    /** Bilinear sample of the plane starting at {@code off}, replicating the border. */
    static float bilinear(float[] img, int off, int h, int w, double y, double x) {
        double cy = Math.max(0, Math.min(h - 1, y));
        double cx = Math.max(0, Math.min(w - 1, x));
        int y0 = (int) cy;
        int x0 = (int) cx;
        int y1 = Math.min(y0 + 1, h - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double fy = cy - y0;
        double fx = cx - x0;
        double top = img[off + y0 * w + x0] * (1 - fx) + img[off + y0 * w + x1] * fx;
        double bottom = img[off + y1 * w + x0] * (1 - fx) + img[off + y1 * w + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /**
     * Replaces every pixel of the plane at {@code off} by the mean of its block, the image being split into
     * {@code nh x nw} blocks with boundaries at {@code floor(i * n / size)}.
     */
    static void blockMean(float[] img, int off, int h, int w, int nh, int nw) {
        double[] sum = new double[nh * nw];
        int[] count = new int[nh * nw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int b = (y * nh / h) * nw + x * nw / w;
                sum[b] += img[off + y * w + x];
                count[b]++;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int b = (y * nh / h) * nw + x * nw / w;
                img[off + y * w + x] = (float) (sum[b] / count[b]);
            }
        }
    }

    static int clampIndex(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}

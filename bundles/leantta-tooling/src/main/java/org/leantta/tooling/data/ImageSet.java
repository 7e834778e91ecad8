package org.leantta.tooling.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images as unsigned bytes, layout [count][channels][height][width].
 *
 * <p>Models take float pixels in [0, 1]; {@link #pixels(int, float[], int)} converts one image.
 */
public final class ImageSet {
    private final int count;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;

    public ImageSet(int count, int channels, int height, int width, byte[] pixels, int[] labels) {
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad image set dimensions " + count + "x" + channels + "x" + height + "x" + width);
        }
        if ((long) count * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) count * channels * height * width
                    + " pixel bytes, got " + pixels.length);
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException("expected " + count + " labels, got " + labels.length);
        }
        this.count = count;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    public int count() { return count; }
    public int channels() { return channels; }
    public int height() { return height; }
    public int width() { return width; }
    /** Elements of one image: channels * height * width. */
    public int imageSize() { return channels * height * width; }
    public boolean hasLabels() { return labels != null; }

    public int label(int i) {
        Objects.requireNonNull(labels, "this image set has no labels");
        return labels[i];
    }

    /** Writes image i as floats in [0, 1] into {@code out} at {@code offset}. */
    public void pixels(int i, float[] out, int offset) {
        int n = imageSize();
        int base = i * n;
        for (int k = 0; k < n; k++) {
            out[offset + k] = (pixels[base + k] & 0xFF) / 255f;
        }
    }

    /** Image i as a new float array in [0, 1]. */
    public float[] image(int i) {
        float[] out = new float[imageSize()];
        pixels(i, out, 0);
        return out;
    }

    /** The first {@code n} images (or all, if fewer). */
    public ImageSet limit(int n) {
        if (n >= count) {
            return this;
        }
        int m = Math.max(0, n);
        return new ImageSet(m, channels, height, width, Arrays.copyOf(pixels, m * imageSize()),
                labels == null ? null : Arrays.copyOf(labels, m));
    }
}

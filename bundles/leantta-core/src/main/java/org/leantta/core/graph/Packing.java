package org.leantta.core.graph;

import java.util.List;

/**
 * The layout of the packed per-channel statistics a compiled graph takes ({@link GraphNames#ANCHORS}) and
 * returns ({@link GraphNames#STATISTICS}, per sample): for each adapted layer in order, its C means, then its C
 * variances.
 */
public final class Packing {
    private Packing() {
    }

    /** The number of packed values per sample. */
    public static int size(List<AdaptedLayer> layers) {
        int n = 0;
        for (AdaptedLayer l : layers) {
            n += 2 * l.channels();
        }
        return n;
    }

    /** The layers' source statistics, packed. */
    public static float[] sourceStatistics(List<AdaptedLayer> layers) {
        return pack(layers, null, null);
    }

    /** Packs per-layer means and variances; a null array or entry stands for that layer's source statistics. */
    public static float[] pack(List<AdaptedLayer> layers, float[][] mean, float[][] var) {
        float[] out = new float[size(layers)];
        int at = 0;
        for (AdaptedLayer l : layers) {
            at = put(out, at, entry(mean, l), l.stats().mean(), l);
            at = put(out, at, entry(var, l), l.stats().var(), l);
        }
        return out;
    }

    private static float[] entry(float[][] values, AdaptedLayer l) {
        return values == null ? null : values[l.index()];
    }

    private static int put(float[] out, int at, float[] given, float[] source, AdaptedLayer l) {
        float[] v = given == null ? source : given;
        if (v.length != l.channels()) {
            throw new IllegalArgumentException("layer " + l.name() + " needs " + l.channels() + " statistics per "
                    + "channel, got " + v.length);
        }
        System.arraycopy(v, 0, out, at, v.length);
        return at + v.length;
    }

    /**
     * Unpacks {@code count} samples' packed statistics (sample-major) into per-layer [count * C] means and
     * variances.
     */
    public static void unpack(List<AdaptedLayer> layers, float[] packed, int count, float[][] mean, float[][] var) {
        int per = size(layers);
        if (packed.length != (long) per * count) {
            throw new IllegalArgumentException("expected " + count + " x " + per + " packed statistics, got "
                    + packed.length);
        }
        for (AdaptedLayer l : layers) {
            mean[l.index()] = new float[count * l.channels()];
            var[l.index()] = new float[count * l.channels()];
        }
        for (int i = 0; i < count; i++) {
            int at = i * per;
            for (AdaptedLayer l : layers) {
                int c = l.channels();
                System.arraycopy(packed, at, mean[l.index()], i * c, c);
                System.arraycopy(packed, at + c, var[l.index()], i * c, c);
                at += 2 * c;
            }
        }
    }
}

package org.leantta.tooling.shift;

import java.util.Objects;
import java.util.SplittableRandom;

/** Common argument checks, copying and clipping for the built-in corruptions. */
abstract class BaseCorruption implements Corruption {

    /** Number of severity levels. */
    static final int SEVERITIES = 5;

    private final String name;
    private final Family family;

    BaseCorruption(String name, Family family) {
        this.name = name;
        this.family = family;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Family family() {
        return family;
    }

    @Override
    public final float[] apply(float[] image, int channels, int height, int width, int severity,
            SplittableRandom rng) {
        Images.checkShape(image, channels, height, width);
        checkSeverity(severity);
        Objects.requireNonNull(rng, "rng");
        float[] out = corrupt(image.clone(), channels, height, width, severity, rng);
        return Images.clip(out);
    }

    /** Corrupts {@code copy} (a private copy of the input, may be modified or replaced); clipping follows. */
    abstract float[] corrupt(float[] copy, int channels, int height, int width, int severity, SplittableRandom rng);

    /** Throws unless severity is in 1..5. */
    static void checkSeverity(int severity) {
        if (severity < 1 || severity > SEVERITIES) {
            throw new IllegalArgumentException("severity must be in 1..5, got " + severity);
        }
    }

    /** Table entry for a severity in 1..5. */
    static double at(double[] table, int severity) {
        return table[severity - 1];
    }

    @Override
    public String toString() {
        return name;
    }
}

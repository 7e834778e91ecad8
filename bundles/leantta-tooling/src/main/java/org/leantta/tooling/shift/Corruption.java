package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/**
 * A deterministic image corruption with five severities.
 *
 * <p>Images are {@code float[]} in layout [C][H][W] with values in [0,1]. Implementations never modify
 * their input, always return a new array clipped to [0,1], and draw all randomness from the given
 * generator, so the same generator state yields the same output.
 */
public interface Corruption {

    /** Kebab-case name, e.g. {@code "gaussian-noise"}. */
    String name();

    /** Family this corruption belongs to. */
    Family family();

    /**
     * Returns a corrupted copy of {@code image}.
     *
     * @throws IllegalArgumentException if severity is not in 1..5 or the image length does not match the shape
     */
    float[] apply(float[] image, int channels, int height, int width, int severity, SplittableRandom rng);
}

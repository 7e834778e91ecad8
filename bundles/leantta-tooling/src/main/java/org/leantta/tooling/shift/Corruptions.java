package org.leantta.tooling.shift;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** Registry of the built-in corruptions, shift-spec parsing and per-sample seeding. */
public final class Corruptions {

    private static final List<Corruption> ALL = List.of(
            new NoiseShifts.GaussianNoise(), new NoiseShifts.ShotNoise(),
            new NoiseShifts.ImpulseNoise(), new NoiseShifts.SpeckleNoise(),
            new BlurShifts.GaussianBlur(), new BlurShifts.DefocusBlur(), new BlurShifts.MotionBlur(),
            new DigitalShifts.Contrast(), new DigitalShifts.Brightness(), new DigitalShifts.Pixelate(),
            new JpegShift(),
            new WeatherShifts.Fog(), new WeatherShifts.Snow(),
            new SensorShifts.GainOffset(), new SensorShifts.DeadPixels(),
            new SensorShifts.StripeNoise(), new SensorShifts.Quantize());

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Corruptions() {
    }

    /** All built-in corruptions in a fixed order (grouped by family: noise, blur, digital, weather, sensor). */
    public static List<Corruption> all() {
        return ALL;
    }

    /** The corruption with this name (case-insensitive, trimmed). */
    public static Corruption byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Corruption c : ALL) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown shift '" + name + "'; expected one of: " + names());
    }

    /**
     * Parses a shift spec: {@code "all"}, {@code "none"} (empty list), a family name such as {@code "noise"},
     * or a comma-separated list of corruption and family names; entries are trimmed and case-insensitive,
     * duplicates are dropped and the first-mention order is kept.
     */
    public static List<Corruption> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty shift spec; expected all, none, a family or a comma list of: "
                    + validTokens());
        }
        Set<Corruption> out = new LinkedHashSet<>();
        for (String token : spec.split(",")) {
            out.addAll(resolve(token.trim().toLowerCase(Locale.ROOT), token.trim()));
        }
        return List.copyOf(out);
    }

    private static List<Corruption> resolve(String key, String raw) {
        if (key.equals("all")) {
            return ALL;
        }
        if (key.equals("none")) {
            return List.of();
        }
        for (Family f : Family.values()) {
            if (f.specName().equals(key)) {
                return ofFamily(f);
            }
        }
        for (Corruption c : ALL) {
            if (c.name().equals(key)) {
                return List.of(c);
            }
        }
        throw new IllegalArgumentException("unknown shift '" + raw + "'; expected one of: " + validTokens());
    }

    /** The built-in corruptions of one family, in {@link #all()} order. */
    public static List<Corruption> ofFamily(Family family) {
        List<Corruption> out = new ArrayList<>();
        for (Corruption c : ALL) {
            if (c.family() == family) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** Comma-separated names of all built-in corruptions. */
    public static String names() {
        return ALL.stream().map(Corruption::name).collect(Collectors.joining(", "));
    }

    private static String validTokens() {
        String families = List.of(Family.values()).stream().map(Family::specName).collect(Collectors.joining(", "));
        return "all, none, " + families + ", " + names();
    }

    /**
     * A generator seeded from (seed, sampleIndex, corruption name, severity) through SplitMix64 mixing, so
     * every combination gets an independent, reproducible stream.
     */
    public static SplittableRandom rngFor(long seed, int sampleIndex, Corruption c, int severity) {
        Objects.requireNonNull(c, "corruption");
        long h = mix64(seed + GOLDEN_GAMMA);
        h = mix64(h + GOLDEN_GAMMA * (sampleIndex + 1L));
        h = mix64(h ^ fnv1a(c.name()));
        h = mix64(h + GOLDEN_GAMMA * (severity + 1L));
        return new SplittableRandom(h);
    }

    /** Applies {@code c} with the generator from {@link #rngFor}. */
    public static float[] apply(Corruption c, float[] image, int channels, int height, int width, int severity,
            long seed, int sampleIndex) {
        return c.apply(image, channels, height, width, severity, rngFor(seed, sampleIndex, c, severity));
    }

    /** SplitMix64 finaliser (Steele, Lea &amp; Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}

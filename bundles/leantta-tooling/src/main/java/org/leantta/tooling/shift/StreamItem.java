package org.leantta.tooling.shift;

/**
 * One element of a test stream: a dataset sample index and the shift applied to it;
 * {@code corruption == null} and {@code severity == 0} mean the clean sample.
 */
public record StreamItem(int sampleIndex, Corruption corruption, int severity) {

    /** Validates the index and the clean/corrupted consistency. */
    public StreamItem {
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sampleIndex must be >= 0, got " + sampleIndex);
        }
        if (corruption == null && severity != 0) {
            throw new IllegalArgumentException("a clean item must have severity 0, got " + severity);
        }
        if (corruption != null) {
            BaseCorruption.checkSeverity(severity);
        }
    }

    /** A clean item for this sample. */
    public static StreamItem clean(int sampleIndex) {
        return new StreamItem(sampleIndex, null, 0);
    }

    /** True when no shift is applied. */
    public boolean isClean() {
        return corruption == null;
    }

    /** The corruption name, or {@code "clean"}. */
    public String shiftName() {
        return corruption == null ? "clean" : corruption.name();
    }

    /** The (possibly corrupted) image as a new array, seeded per {@link Corruptions#rngFor}. */
    public float[] apply(float[] image, int channels, int height, int width, long seed) {
        if (corruption == null) {
            Images.checkShape(image, channels, height, width);
            return image.clone();
        }
        return Corruptions.apply(corruption, image, channels, height, width, severity, seed, sampleIndex);
    }

    @Override
    public String toString() {
        return corruption == null ? "#" + sampleIndex + " clean" : "#" + sampleIndex + " " + shiftName() + "@" + severity;
    }
}

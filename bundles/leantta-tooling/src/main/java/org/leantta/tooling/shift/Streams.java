package org.leantta.tooling.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seeded test streams of {@link StreamItem}s modelling how a deployed sensor's input drifts over time.
 * Sample indices come from successive seeded permutations of the dataset, so an index repeats only after
 * the whole dataset has been used (and never inside one block of at most {@code datasetSize} items).
 */
public final class Streams {

    /** Stream schedules selectable by name. */
    public enum Kind {
        /** See {@link Streams#persistent}. */
        PERSISTENT,
        /** See {@link Streams#gradual}. */
        GRADUAL,
        /** See {@link Streams#mixed}. */
        MIXED,
        /** See {@link Streams#clean}. */
        CLEAN;

        /** Lower-case name, e.g. {@code "persistent"}. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a kind name (case-insensitive, trimmed). */
        public static Kind parse(String name) {
            String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.specName().equals(key)) {
                    return k;
                }
            }
            String valid = Arrays.stream(values()).map(Kind::specName).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("unknown stream '" + name + "'; expected one of: " + valid);
        }
    }

    /** Severities 1..5..1 of a gradual block. */
    static final int[] GRADUAL_SCHEDULE = {1, 2, 3, 4, 5, 4, 3, 2, 1};

    private Streams() {
    }

    /** Parses a stream kind name: persistent, gradual, mixed or clean. */
    public static Kind parse(String name) {
        return Kind.parse(name);
    }

    /**
     * Persistent shift: for each shift in order, a block of {@code blockLength} items at that shift and
     * {@code severity} (a drifted sensor that stays drifted until the next change).
     */
    public static List<StreamItem> persistent(int datasetSize, List<Corruption> shifts, int severity,
            int blockLength, long seed) {
        BaseCorruption.checkSeverity(severity);
        checkPositive("blockLength", blockLength);
        IndexSampler sampler = new IndexSampler(datasetSize, rng(seed, 1));
        List<StreamItem> out = new ArrayList<>(shifts.size() * blockLength);
        for (Corruption c : shifts) {
            sampler.startBlock(blockLength);
            for (int i = 0; i < blockLength; i++) {
                out.add(new StreamItem(sampler.next(), c, severity));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Gradual shift: for each shift in order, severities 1, 2, 3, 4, 5, 4, 3, 2, 1 with
     * {@code max(1, blockLength / 9)} items each (a drift that builds up and recovers).
     */
    public static List<StreamItem> gradual(int datasetSize, List<Corruption> shifts, int blockLength, long seed) {
        checkPositive("blockLength", blockLength);
        int perLevel = Math.max(1, blockLength / GRADUAL_SCHEDULE.length);
        IndexSampler sampler = new IndexSampler(datasetSize, rng(seed, 2));
        List<StreamItem> out = new ArrayList<>();
        for (Corruption c : shifts) {
            sampler.startBlock(perLevel * GRADUAL_SCHEDULE.length);
            for (int severity : GRADUAL_SCHEDULE) {
                for (int i = 0; i < perLevel; i++) {
                    out.add(new StreamItem(sampler.next(), c, severity));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Mixed shift: {@code length} items, each with a shift and a severity drawn uniformly from the given lists
     * (several sensors or conditions interleaved, no stable domain to adapt to).
     */
    public static List<StreamItem> mixed(int datasetSize, List<Corruption> shifts, int[] severities, int length,
            long seed) {
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("a mixed stream needs at least one shift");
        }
        if (severities == null || severities.length == 0) {
            throw new IllegalArgumentException("a mixed stream needs at least one severity");
        }
        Arrays.stream(severities).forEach(BaseCorruption::checkSeverity);
        checkNonNegative("length", length);
        SplittableRandom choices = rng(seed, 3);
        IndexSampler sampler = new IndexSampler(datasetSize, choices.split());
        List<StreamItem> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Corruption c = shifts.get(choices.nextInt(shifts.size()));
            out.add(new StreamItem(sampler.next(), c, severities[choices.nextInt(severities.length)]));
        }
        return List.copyOf(out);
    }

    /** Clean stream: {@code length} unshifted items (the source distribution, as a control). */
    public static List<StreamItem> clean(int datasetSize, int length, long seed) {
        checkNonNegative("length", length);
        IndexSampler sampler = new IndexSampler(datasetSize, rng(seed, 4));
        List<StreamItem> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(StreamItem.clean(sampler.next()));
        }
        return List.copyOf(out);
    }

    /**
     * Builds a stream of the given kind with comparable sizes: {@code blockLength} items per shift for
     * persistent and gradual; {@code blockLength * max(1, shifts)} items for mixed (all at {@code severity})
     * and clean.
     */
    public static List<StreamItem> of(Kind kind, int datasetSize, List<Corruption> shifts, int severity,
            int blockLength, long seed) {
        int total = blockLength * Math.max(1, shifts.size());
        switch (kind) {
            case PERSISTENT:
                return persistent(datasetSize, shifts, severity, blockLength, seed);
            case GRADUAL:
                return gradual(datasetSize, shifts, blockLength, seed);
            case MIXED:
                return mixed(datasetSize, shifts, new int[] {severity}, total, seed);
            case CLEAN:
                return clean(datasetSize, total, seed);
            default:
                throw new IllegalArgumentException("unsupported stream kind " + kind);
        }
    }

    private static SplittableRandom rng(long seed, int stream) {
        return new SplittableRandom(Corruptions.mix64(Corruptions.mix64(seed) + stream));
    }

    private static void checkPositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }

    private static void checkNonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
    }
}

package org.leantta.tooling.shift;

import java.util.SplittableRandom;

/** Draws dataset indices from successive seeded permutations, so indices only repeat after a full pass. */
final class IndexSampler {

    private final int[] perm;
    private final SplittableRandom rng;
    private int cursor;

    IndexSampler(int datasetSize, SplittableRandom rng) {
        if (datasetSize < 1) {
            throw new IllegalArgumentException("datasetSize must be >= 1, got " + datasetSize);
        }
        this.rng = rng;
        perm = new int[datasetSize];
        for (int i = 0; i < datasetSize; i++) {
            perm[i] = i;
        }
        reshuffle();
    }

    /** Starts a block: if it would not fit in the rest of the current permutation, starts a fresh one. */
    void startBlock(int blockLength) {
        if (blockLength <= perm.length && cursor + blockLength > perm.length) {
            reshuffle();
        }
    }

    /** The next index, starting a fresh permutation when the current one is used up. */
    int next() {
        if (cursor == perm.length) {
            reshuffle();
        }
        return perm[cursor++];
    }

    private void reshuffle() {
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        cursor = 0;
    }
}

package org.leantta.cli;

import java.util.Arrays;
import java.util.Random;
import org.leantta.tooling.data.ImageSet;

/** Random inputs of any model's per-sample shape, for latency and memory where the data does not matter. */
final class SyntheticInputs {
    private SyntheticInputs() {
    }

    /**
     * {@code count} samples of {@code sampleShape} (the model input without its batch dimension: [C, H, W],
     * [C, L], ...), values uniform in [0, 1], the same for a seed.
     */
    static ImageSet of(long[] sampleShape, int count, long seed) {
        for (long d : sampleShape) {
            if (d <= 0) {
                throw new Args.UsageException("the model's input " + Arrays.toString(sampleShape) + " (without the "
                        + "batch dimension) has a dimension that is not fixed: export it with a fixed input size");
            }
        }
        int channels = sampleShape.length > 0 ? (int) sampleShape[0] : 1;
        int height = sampleShape.length > 1 ? (int) sampleShape[1] : 1;
        long width = 1;
        for (int i = 2; i < sampleShape.length; i++) {
            width *= sampleShape[i];
        }
        byte[] pixels = new byte[(int) (count * (long) channels * height * width)];
        new Random(seed).nextBytes(pixels);
        return new ImageSet(count, channels, height, (int) width, pixels, null);
    }
}

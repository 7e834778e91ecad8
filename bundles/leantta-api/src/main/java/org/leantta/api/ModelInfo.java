package org.leantta.api;

import java.util.List;

/**
 * What a predictor serves.
 *
 * @param id         a name of the model (its file name)
 * @param sha256     hex SHA-256 of the model file
 * @param inputShape the shape of one sample (without the batch dimension)
 * @param labels     one label per class
 * @param layers     names of the adapted normalization layers
 */
public record ModelInfo(String id, String sha256, long[] inputShape, List<String> labels, List<String> layers) {
    public ModelInfo {
        inputShape = inputShape.clone();
        labels = List.copyOf(labels);
        layers = List.copyOf(layers);
    }

    /** Number of values in one sample. */
    public int inputSize() {
        long n = 1;
        for (long d : inputShape) {
            n *= d;
        }
        return (int) n;
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }
}

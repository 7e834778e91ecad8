package org.leantta.api;

/**
 * The answer to one sample.
 *
 * @param classIndex        the predicted class
 * @param label             its label
 * @param confidence        softmax probability of the predicted class
 * @param shift             the shift score: how far the sample's statistics are from the training statistics
 *                          (mean LeanTTA divergence over the adapted layers; about 0 on training-like data)
 * @param adapted           whether the prediction used adapted statistics
 * @param outOfDistribution whether the shift score exceeds the configured threshold
 * @param latencyMicros     inference time in microseconds
 * @param sourceClass       the unadapted model's class, or -1 when the comparison is not configured
 * @param sourceConfidence  the unadapted model's confidence, or NaN when the comparison is not configured
 */
public record Prediction(int classIndex, String label, float confidence, float shift, boolean adapted,
                         boolean outOfDistribution, long latencyMicros, int sourceClass, float sourceConfidence) {
    /** Whether this prediction carries the unadapted model's answer too. */
    public boolean hasSource() {
        return sourceClass >= 0;
    }
}

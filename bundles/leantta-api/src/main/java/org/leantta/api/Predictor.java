package org.leantta.api;

import org.osgi.annotation.versioning.ProviderType;

/** Classifies single samples, adapting the model's normalization statistics to each one. */
@ProviderType
public interface Predictor {
    /** The model being served. */
    ModelInfo model();

    /**
     * Classifies one sample of a stream.
     *
     * @param stream   which stream the sample belongs to (e.g. the sensor): a stateful adaptation keeps one state
     *                 per stream; stateless adaptation ignores it
     * @param values   the sample, flattened in the model's input layout ({@link ModelInfo#inputSize()} values)
     * @param encoding how the values are given
     * @return the prediction
     * @throws IllegalArgumentException if the sample has the wrong size, a non-finite value, or (for
     *                                  {@link Encoding#UINT8}) a value outside 0..255; nothing else changes
     * @throws IllegalStateException    if the predictor is closed or inference fails
     */
    Prediction predict(String stream, float[] values, Encoding encoding);

    /** Classifies one sample of the default stream {@code ""}: {@code predict("", values, encoding)}. */
    default Prediction predict(float[] values, Encoding encoding) {
        return predict("", values, encoding);
    }
}

package org.leantta.onnx;

/**
 * Result of one run over a batch of N samples.
 *
 * @param logits     [N * K] raw scores, sample-major
 * @param classes    K
 * @param divergence per adapted layer l, [N] the divergence d of each sample (empty for a plain session)
 * @param sampleMean per adapted layer l, [N * C_l] the sample means (or [C_l] for batch statistics);
 *                   null unless the run asked for statistics
 * @param sampleVar  per adapted layer l, [N * C_l] the sample variances; null unless asked for
 */
public record Output(float[] logits, int classes, float[][] divergence, float[][] sampleMean, float[][] sampleVar) {
    public int batch() {
        return logits.length / classes;
    }

    /** Whether every score of sample i is a finite number (an argmax over NaN would name an arbitrary class). */
    public boolean finite(int i) {
        for (int k = i * classes; k < (i + 1) * classes; k++) {
            if (!Float.isFinite(logits[k])) {
                return false;
            }
        }
        return true;
    }

    /** Index of the largest score of sample i; meaningful only if {@link #finite(int) finite(i)}. */
    public int argmax(int i) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (logits[i * classes + k] > logits[i * classes + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Softmax probability of the predicted class of sample i. */
    public float confidence(int i) {
        int off = i * classes;
        float max = logits[off + argmax(i)];
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(logits[off + k] - max);
        }
        return (float) (1 / sum);
    }

    /** The mean divergence of sample i over the layers whose mask is on (0 if none): the shift score. */
    public float shift(int i, float[] mask) {
        double sum = 0;
        int n = 0;
        for (int l = 0; l < divergence.length; l++) {
            if (mask == null || mask[l] > 0) {
                sum += divergence[l][divergence[l].length == batch() ? i : 0];
                n++;
            }
        }
        return n == 0 ? 0f : (float) (sum / n);
    }
}

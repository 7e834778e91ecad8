package org.leantta.tooling.quant;

/** Per-output-channel symmetric int8 weights and the int32 bias that goes with them. */
final class WeightQuant {
    final byte[] weights;
    final float[] scales;
    final int[] bias;
    final float[] biasScales;

    /**
     * @param w       float weights [M, ...] (output channel first)
     * @param b       float bias [M]
     * @param inScale the scale of the quantized input activation
     */
    WeightQuant(float[] w, float[] b, int channels, float inScale) {
        int per = w.length / channels;
        weights = new byte[w.length];
        scales = new float[channels];
        bias = new int[channels];
        biasScales = new float[channels];
        for (int m = 0; m < channels; m++) {
            float max = 0;
            for (int k = 0; k < per; k++) {
                max = Math.max(max, Math.abs(w[m * per + k]));
            }
            float s = max > 0 ? max / 127f : 1f;
            scales[m] = s;
            for (int k = 0; k < per; k++) {
                weights[m * per + k] = (byte) clamp(Math.rint(w[m * per + k] / s), -127, 127);
            }
            // ONNX Runtime fuses the bias only with scale = input scale * weight scale
            biasScales[m] = inScale * s;
            bias[m] = (int) clamp(Math.rint(b[m] / biasScales[m]), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

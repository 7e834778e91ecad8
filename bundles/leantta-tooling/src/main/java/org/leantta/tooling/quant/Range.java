package org.leantta.tooling.quant;

/** The calibrated value range of one activation tensor. */
public record Range(float min, float max) {
    public Range {
        if (!(min <= max) || Float.isNaN(min) || Float.isInfinite(min) || Float.isInfinite(max)) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    /** uint8 asymmetric quantization of this range, widened to include 0 (as ONNX Runtime's tools do). */
    public ActivationQuant uint8() {
        float lo = Math.min(min, 0f);
        float hi = Math.max(max, 0f);
        float scale = (hi - lo) / 255f;
        if (!(scale > Float.MIN_NORMAL)) {
            return new ActivationQuant(1f, 0);
        }
        int zp = (int) Math.rint(-lo / scale);
        return new ActivationQuant(scale, Math.max(0, Math.min(255, zp)));
    }

    /** Scale and zero point of a uint8 activation. */
    public record ActivationQuant(float scale, int zeroPoint) {
    }
}

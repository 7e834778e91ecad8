package org.leantta.kura.model;

import org.leantta.api.Encoding;

/** Checks a sample and maps it to the model's input range. */
final class Samples {
    private Samples() {
    }

    /** A new array in the model's input range; throws saying what was expected, changing nothing. */
    static float[] prepare(float[] values, Encoding encoding, int size, ModelSettings s) {
        if (values == null) {
            throw new IllegalArgumentException("no sample values");
        }
        if (values.length != size) {
            throw new IllegalArgumentException("sample has " + values.length + " values, the model expects " + size);
        }
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("sample value " + i + " is " + v + ": expected a finite number");
            }
            if (encoding == Encoding.UINT8) {
                if (v < 0 || v > 255 || v != Math.rint(v)) {
                    throw new IllegalArgumentException("sample value " + i + " is " + v
                            + ": uint8 encoding expects integers 0..255");
                }
                v = v * s.inputScale() + s.inputOffset();
            }
            x[i] = v;
        }
        return x;
    }
}

package org.leantta.kura;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.leantta.api.Encoding;

/**
 * A sample given as raw bytes, read by its size: the model's n values as n bytes (uint8) or 4n bytes (float32
 * little-endian). The MQTT bridge, the cloud front, the Wire component and the inference engine read bytes so.
 */
public record RawValues(float[] values, Encoding encoding) {

    /**
     * @param what names the bytes in the error message (e.g. "binary payload")
     * @throws IllegalArgumentException if the size is neither n nor 4n, saying what was expected
     */
    public static RawValues bySize(byte[] bytes, int n, String what) {
        if (bytes.length == 4 * n) {
            return new RawValues(float32(bytes), Encoding.FLOAT32);
        }
        if (bytes.length == n) {
            return new RawValues(uint8(bytes), Encoding.UINT8);
        }
        throw new IllegalArgumentException(what + " of " + bytes.length + " bytes: the model takes " + n
                + " values, so expected " + 4 * n + " bytes (float32 little-endian) or " + n + " bytes (uint8)");
    }

    /** Each byte as an unsigned value 0..255. */
    public static float[] uint8(byte[] bytes) {
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xff;
        }
        return values;
    }

    /** Little-endian float32 values; the length must be a multiple of 4. */
    public static float[] float32(byte[] bytes) {
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}

package org.leantta.kura.ai;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.ai.inference.Tensor;
import org.eclipse.kura.ai.inference.TensorDescriptor;
import org.leantta.api.Encoding;
import org.leantta.kura.RawValues;

/**
 * The samples in an input tensor, as Kura's Triton engine takes tensors: FP32 with Float values, UINT8 with Byte
 * (read unsigned) or Integer values 0..255, the shape [N, sample shape] or the sample shape alone (N = 1). Also,
 * as Kura's AI wire component turns a BYTE_ARRAY property into a Byte tensor: FP32 with Byte values read by size
 * (uint8 pixels, or float32 little-endian). Anything else is a KuraException saying what was expected.
 */
record TensorSamples(float[][] samples, Encoding encoding) {
    static final String FP32 = "FP32";
    static final String UINT8 = "UINT8";

    static TensorSamples of(Tensor t, long[] sampleShape) throws KuraException {
        TensorDescriptor d = t.getDescriptor();
        int n = size(sampleShape);
        int count = batch(d, sampleShape);
        String type = d.getType();
        if (FP32.equals(type) && t.getType() == Float.class) {
            return new TensorSamples(split(floats(t.getData(Float.class)), n, count, d), Encoding.FLOAT32);
        }
        if (FP32.equals(type) && t.getType() == Byte.class) {
            RawValues raw = raw(bytes(t.getData(Byte.class)), n * count, d);
            return new TensorSamples(split(raw.values(), n, count, d), raw.encoding());
        }
        if (UINT8.equals(type) && t.getType() == Byte.class) {
            return new TensorSamples(split(RawValues.uint8(bytes(t.getData(Byte.class))), n, count, d), Encoding.UINT8);
        }
        if (UINT8.equals(type) && t.getType() == Integer.class) {
            return new TensorSamples(split(floats(t.getData(Integer.class)), n, count, d), Encoding.UINT8);
        }
        throw invalid("tensor '" + d.getName() + "' is " + type + " with " + t.getType().getSimpleName()
                + " values: expected FP32 with Float values (or Byte values: uint8, or float32 little-endian) or "
                + "UINT8 with Byte or Integer values 0..255");
    }

    /** N from a shape [N, sample shape] or the sample shape alone; anything else is refused. */
    private static int batch(TensorDescriptor d, long[] sampleShape) throws KuraException {
        long[] shape = d.getShape().stream().mapToLong(Long::longValue).toArray();
        if (Arrays.equals(shape, sampleShape)) {
            return 1;
        }
        if (shape.length == sampleShape.length + 1 && shape[0] >= 1 && shape[0] <= 4096
                && Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), sampleShape)) {
            return (int) shape[0];
        }
        throw invalid("tensor '" + d.getName() + "' has shape " + Arrays.toString(shape) + ": expected [N, "
                + Arrays.toString(sampleShape).substring(1) + " (N samples, 1 to 4096) or "
                + Arrays.toString(sampleShape));
    }

    private static RawValues raw(byte[] b, int values, TensorDescriptor d) throws KuraException {
        try {
            return RawValues.bySize(b, values, "tensor '" + d.getName() + "' (FP32, Byte values)");
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static float[][] split(float[] all, int n, int count, TensorDescriptor d) throws KuraException {
        if (all.length != n * count) {
            throw invalid("tensor '" + d.getName() + "' has " + all.length + " values, its shape "
                    + d.getShape() + " holds " + (long) n * count);
        }
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = Arrays.copyOfRange(all, i * n, (i + 1) * n);
        }
        return out;
    }

    private static int size(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return (int) n;
    }

    /** Float or Integer values as floats. */
    private static float[] floats(Optional<? extends List<? extends Number>> data) throws KuraException {
        List<? extends Number> l = present(data);
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).floatValue();
        }
        return out;
    }

    private static byte[] bytes(Optional<List<Byte>> data) throws KuraException {
        List<Byte> l = present(data);
        byte[] out = new byte[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i);
        }
        return out;
    }

    private static <L extends List<?>> L present(Optional<L> data) throws KuraException {
        L l = data.orElseThrow(() -> invalid("the tensor has no data"));
        if (l.contains(null)) {
            throw invalid("the tensor's data holds null values");
        }
        return l;
    }

    static KuraException invalid(String message) {
        return new KuraException(KuraErrorCode.INVALID_PARAMETER, message);
    }
}

package org.leantta.kura.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.kura.ai.inference.Tensor;
import org.eclipse.kura.ai.inference.TensorDescriptor;
import org.leantta.api.Prediction;

/**
 * The engine's outputs: one tensor per field of the predictions, shape [N], typed as Kura's Triton engine returns
 * them (INT32 as Integer, FP32 as Float, BOOL as Boolean, INT64 as Long). The label is a BYTES tensor of Strings,
 * so that Kura's AI wire component emits it as a STRING property.
 */
final class TensorAnswers {
    private record Field<T>(String name, String type, Class<T> javaType, Function<Prediction, T> value) {
        Tensor tensor(List<Prediction> predictions) {
            List<T> data = new ArrayList<>();
            predictions.forEach(p -> data.add(value.apply(p)));
            return new Tensor(javaType, descriptor((long) predictions.size()), data);
        }

        TensorDescriptor descriptor(long n) {
            return TensorDescriptor.builder(name, type, new ArrayList<>(List.of(n))).build();
        }
    }

    private static final List<Field<?>> FIELDS = List.of(
            new Field<>("class", "INT32", Integer.class, Prediction::classIndex),
            new Field<>("label", "BYTES", String.class, Prediction::label),
            new Field<>("confidence", "FP32", Float.class, Prediction::confidence),
            new Field<>("shift", "FP32", Float.class, Prediction::shift),
            new Field<>("outOfDistribution", "BOOL", Boolean.class, Prediction::outOfDistribution),
            new Field<>("adapted", "BOOL", Boolean.class, Prediction::adapted),
            new Field<>("latencyMicros", "INT64", Long.class, Prediction::latencyMicros));

    private TensorAnswers() {
    }

    static List<Tensor> of(List<Prediction> predictions) {
        List<Tensor> out = new ArrayList<>();
        FIELDS.forEach(f -> out.add(f.tensor(predictions)));
        return out;
    }

    /** The output descriptors of a model, for one sample per call. */
    static List<TensorDescriptor> descriptors() {
        List<TensorDescriptor> out = new ArrayList<>();
        FIELDS.forEach(f -> out.add(f.descriptor(1)));
        return out;
    }
}

package org.leantta.kura.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.kura.type.DataType;
import org.eclipse.kura.type.TypedValue;
import org.eclipse.kura.wire.WireRecord;
import org.leantta.api.Encoding;
import org.leantta.kura.RawValues;

/**
 * Reads the sample out of a wire record: one BYTE_ARRAY property (read by size, or as the configured encoding)
 * or one number per named property. Every failure is an IllegalArgumentException that says what was expected.
 */
final class RecordReader {
    /** Kura's Wire Asset puts the time of a single-timestamp read here, and {@code <channel>_timestamp} otherwise. */
    static final String ASSET_TIMESTAMP = "assetTimestamp";
    private static final String TIMESTAMP_SUFFIX = "_timestamp";

    /** The sample of one record and its time (the record's, else null). */
    record Input(float[] values, Encoding encoding, Long timestamp) {
    }

    private final List<String> names;
    /** null: auto. */
    private final Encoding encoding;

    private RecordReader(List<String> names, Encoding encoding) {
        this.names = List.copyOf(names);
        this.encoding = encoding;
    }

    /** @throws IllegalArgumentException if the configuration names no property or an unknown encoding */
    static RecordReader of(String properties, String encoding) {
        List<String> names = new ArrayList<>();
        for (String n : properties.split(",")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("input.properties is empty: name the record property that holds the "
                    + "sample, or the numeric properties, separated by commas");
        }
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        if (!e.equals("auto") && !e.equals("uint8") && !e.equals("float32")) {
            throw new IllegalArgumentException("input.encoding must be auto, uint8 or float32, got '" + encoding + "'");
        }
        return new RecordReader(names, e.equals("auto") ? null : Encoding.parse(e));
    }

    /** The sample of {@code record} for a model of {@code n} input values. */
    Input read(WireRecord record, int n) {
        Map<String, TypedValue<?>> p = record.getProperties();
        Long ts = timestamp(p);
        TypedValue<?> first = value(p, names.get(0));
        if (names.size() == 1 && first.getType() == DataType.BYTE_ARRAY) {
            RawValues raw = bytes((byte[]) first.getValue(), n);
            return new Input(raw.values(), raw.encoding(), ts);
        }
        float[] values = new float[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(names.get(i), value(p, names.get(i)));
        }
        return new Input(values, encoding == null ? Encoding.FLOAT32 : encoding, ts);
    }

    private RawValues bytes(byte[] b, int n) {
        String what = "property '" + names.get(0) + "' (BYTE_ARRAY)";
        if (encoding == null) {
            return RawValues.bySize(b, n, what);
        }
        int expected = encoding == Encoding.UINT8 ? n : 4 * n;
        if (b.length != expected) {
            throw new IllegalArgumentException(what + " of " + b.length + " bytes: input.encoding is "
                    + encoding.name().toLowerCase(Locale.ROOT) + " and the model takes " + n + " values, so expected "
                    + expected + " bytes");
        }
        return new RawValues(encoding == Encoding.UINT8 ? RawValues.uint8(b) : RawValues.float32(b), encoding);
    }

    private static TypedValue<?> value(Map<String, TypedValue<?>> p, String name) {
        TypedValue<?> v = p.get(name);
        if (v == null || v.getValue() == null) {
            throw new IllegalArgumentException("the record has no property '" + name + "' (it has " + p.keySet()
                    + "): set input.properties to the properties that hold the sample");
        }
        return v;
    }

    private static float number(String name, TypedValue<?> v) {
        switch (v.getType()) {
            case INTEGER, LONG, FLOAT, DOUBLE:
                return ((Number) v.getValue()).floatValue();
            case BOOLEAN:
                return Boolean.TRUE.equals(v.getValue()) ? 1f : 0f;
            default:
                throw new IllegalArgumentException("property '" + name + "' is a " + v.getType() + ": with several "
                        + "input properties each must be a number (INTEGER, LONG, FLOAT, DOUBLE or BOOLEAN); a byte "
                        + "array must be the only input property");
        }
    }

    private Long timestamp(Map<String, TypedValue<?>> p) {
        for (String key : List.of(ASSET_TIMESTAMP, names.get(0) + TIMESTAMP_SUFFIX)) {
            TypedValue<?> v = p.get(key);
            if (v != null && v.getValue() instanceof Long t) {
                return t;
            }
        }
        return null;
    }
}

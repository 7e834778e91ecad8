package org.eclipse.kura.type;

import java.util.Base64;
import java.util.Objects;

import org.eclipse.kura.annotation.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/** Factories of {@link TypedValue}s. */
@ProviderType
public final class TypedValues {

    private TypedValues() {
        // static factories only
    }

    /**
     * @param value the value
     * @return a {@link BooleanValue}
     */
    public static BooleanValue newBooleanValue(final boolean value) {
        return new BooleanValue(value);
    }

    /**
     * @param value the value (kept, not copied)
     * @return a {@link ByteArrayValue}
     * @throws NullPointerException if {@code value} is null
     */
    public static ByteArrayValue newByteArrayValue(final byte[] value) {
        return new ByteArrayValue(value);
    }

    /**
     * @param value the value
     * @return a {@link FloatValue}
     */
    public static FloatValue newFloatValue(final float value) {
        return new FloatValue(value);
    }

    /**
     * @param value the value
     * @return a {@link DoubleValue}
     */
    public static DoubleValue newDoubleValue(final double value) {
        return new DoubleValue(value);
    }

    /**
     * @param value the value
     * @return an {@link IntegerValue}
     */
    public static IntegerValue newIntegerValue(final int value) {
        return new IntegerValue(value);
    }

    /**
     * @param value the value
     * @return a {@link LongValue}
     */
    public static LongValue newLongValue(final long value) {
        return new LongValue(value);
    }

    /**
     * @param value the value; null becomes the empty string
     * @return a {@link StringValue}
     */
    public static StringValue newStringValue(@Nullable final String value) {
        return new StringValue(value);
    }

    /**
     * @param value a {@code Boolean}, {@code byte[]}, {@code Float}, {@code Double}, {@code Integer}, {@code Long}
     *            or {@code String}
     * @return the typed value of the matching type
     * @throws IllegalArgumentException for null or any other class
     */
    public static TypedValue<?> newTypedValue(final Object value) {
        if (value instanceof Boolean b) {
            return newBooleanValue(b);
        }
        if (value instanceof byte[] bytes) {
            return newByteArrayValue(bytes);
        }
        if (value instanceof Float f) {
            return newFloatValue(f);
        }
        if (value instanceof Double d) {
            return newDoubleValue(d);
        }
        if (value instanceof Integer i) {
            return newIntegerValue(i);
        }
        if (value instanceof Long l) {
            return newLongValue(l);
        }
        if (value instanceof String s) {
            return newStringValue(s);
        }
        throw new IllegalArgumentException("Cannot convert to TypedValue");
    }

    /**
     * Parses text into a typed value: booleans as {@link Boolean#parseBoolean(String)} (anything but
     * {@code true}, in any case, is false), byte arrays from Base64, numbers with the {@code parse} methods of their
     * boxed types, strings as they are.
     *
     * @param type the type
     * @param value the text
     * @return the typed value
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the text does not parse as {@code type}, or {@code type} is null
     */
    public static TypedValue<?> parseTypedValue(final DataType type, final String value) {
        Objects.requireNonNull(value, "value cannot be null");
        try {
            return parse(type, value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(value + " cannot be converted into a TypedValue of type " + type, e);
        }
    }

    private static TypedValue<?> parse(final DataType type, final String value) {
        switch (type) {
        case BOOLEAN:
            return newBooleanValue(Boolean.parseBoolean(value));
        case BYTE_ARRAY:
            return newByteArrayValue(Base64.getDecoder().decode(value));
        case DOUBLE:
            return newDoubleValue(Double.parseDouble(value));
        case FLOAT:
            return newFloatValue(Float.parseFloat(value));
        case INTEGER:
            return newIntegerValue(Integer.parseInt(value));
        case LONG:
            return newLongValue(Long.parseLong(value));
        case STRING:
            return newStringValue(value);
        default:
            throw new IllegalArgumentException("unknown type " + type);
        }
    }
}

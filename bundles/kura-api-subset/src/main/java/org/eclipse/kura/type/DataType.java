package org.eclipse.kura.type;

/** The types of a {@link TypedValue}. */
public enum DataType {
    /** {@link BooleanValue}. */
    BOOLEAN,
    /** {@link ByteArrayValue}. */
    BYTE_ARRAY,
    /** {@link DoubleValue}. */
    DOUBLE,
    /** {@link IntegerValue}. */
    INTEGER,
    /** {@link LongValue}. */
    LONG,
    /** {@link FloatValue}. */
    FLOAT,
    /** {@link StringValue}. */
    STRING;

    /**
     * @param stringDataType a constant name, in any case
     * @return the constant
     * @throws IllegalArgumentException if no constant has that name (or it is null)
     */
    public static DataType getDataType(String stringDataType) {
        for (DataType type : values()) {
            if (type.name().equalsIgnoreCase(stringDataType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Cannot convert to DataType");
    }
}

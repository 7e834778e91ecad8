package org.eclipse.kura.configuration.metatype;

/** Value types of an {@link AD}, with their metatype XML names. */
public enum Scalar {
    /** {@code String}. */
    STRING("String"),
    /** {@code Long}. */
    LONG("Long"),
    /** {@code Double}. */
    DOUBLE("Double"),
    /** {@code Float}. */
    FLOAT("Float"),
    /** {@code Integer}. */
    INTEGER("Integer"),
    /** {@code Byte}. */
    BYTE("Byte"),
    /** {@code Char}. */
    CHAR("Char"),
    /** {@code Boolean}. */
    BOOLEAN("Boolean"),
    /** {@code Short}. */
    SHORT("Short"),
    /** {@code Password}. */
    PASSWORD("Password");

    private final String value;

    Scalar(String value) {
        this.value = value;
    }

    /**
     * @return the metatype XML name
     */
    public String value() {
        return this.value;
    }

    /**
     * @param v a metatype XML name (exact case), or {@code character} in any case for {@link #CHAR}
     * @return the matching constant
     * @throws IllegalArgumentException if none matches
     */
    public static Scalar fromValue(String v) {
        if ("character".equalsIgnoreCase(v)) {
            return CHAR;
        }
        for (Scalar scalar : values()) {
            if (scalar.value.equals(v)) {
                return scalar;
            }
        }
        throw new IllegalArgumentException(v);
    }
}

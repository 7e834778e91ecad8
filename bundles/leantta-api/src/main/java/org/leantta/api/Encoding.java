package org.leantta.api;

/** How the values of a sample are given. */
public enum Encoding {
    /** Values already in the model's input range. */
    FLOAT32,
    /** Integers 0..255 (e.g. pixels) that the model's configured input scaling maps to its input range. */
    UINT8;

    /** Parses "float32" or "uint8" (case-insensitive). */
    public static Encoding parse(String name) {
        for (Encoding e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown encoding '" + name + "': expected float32 or uint8");
    }
}

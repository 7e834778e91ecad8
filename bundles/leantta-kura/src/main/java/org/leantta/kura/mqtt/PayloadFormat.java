package org.leantta.kura.mqtt;

import java.util.Locale;

/** How the bridge reads a sample's payload ({@code payload.format}). */
enum PayloadFormat {
    /** JSON if the first non-blank byte is '{', else raw values by size (uint8 or float32). */
    AUTO,
    /** A JSON sample only. */
    JSON,
    /** Raw uint8 values, one byte each: the model's input size in bytes. */
    UINT8,
    /** Raw float32 values, little-endian: four times the model's input size in bytes. */
    FLOAT32;

    static PayloadFormat parse(String name) {
        for (PayloadFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("payload.format must be auto, json, uint8 or float32, got '" + name + "'");
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

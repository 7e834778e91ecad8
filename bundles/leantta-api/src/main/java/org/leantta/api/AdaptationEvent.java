package org.leantta.api;

import java.util.Objects;

/**
 * Something an operator of a fleet should learn about without asking: the adaptation was reset, enabled or
 * disabled, rolled back, re-anchored to a new environment or stopped trusting its estimate, a configuration was
 * applied or refused, a model was loaded. Immutable.
 *
 * @param kind      what happened: one of the constants of this class
 * @param source    who reports it, e.g. the model's pid
 * @param stream    the sensor (stream) it concerns, or null when it concerns every stream
 * @param detail    a human-readable cause or description
 * @param timestamp when it happened, in milliseconds since the epoch
 */
public record AdaptationEvent(String kind, String source, String stream, String detail, long timestamp) {
    public static final String RESET = "reset";
    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String ROLLBACK = "rollback";
    public static final String REANCHOR = "reanchor";
    public static final String DISTRUST = "distrust";
    public static final String TRUST = "trust";
    public static final String CONFIGURATION = "configuration";
    public static final String REFUSED = "refused";
    public static final String MODEL_LOADED = "model-loaded";

    public AdaptationEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    /** An event of now. */
    public static AdaptationEvent of(String kind, String source, String stream, String detail) {
        return new AdaptationEvent(kind, source, stream, detail, System.currentTimeMillis());
    }
}

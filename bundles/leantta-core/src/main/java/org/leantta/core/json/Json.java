package org.leantta.core.json;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * JSON through Jackson's streaming core: writes maps, lists, strings, numbers and booleans; parses text into
 * {@link LinkedHashMap}, {@link ArrayList}, {@link String}, {@link Double}, {@link Boolean} and null, refusing
 * objects and arrays nested deeper than {@link #MAX_DEPTH} and numbers longer than 1000 characters.
 */
public final class Json {
    /** The deepest nesting of objects and arrays that is read. */
    public static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            // buffers pooled by this factory, not per thread (Jackson's default): a thread-local pool would keep
            // the classes of an updated or uninstalled bundle reachable from Kura's long-lived threads
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
            .build();
    private static final ObjectWriteContext INDENTED = new Indented();

    private Json() {
    }

    /** Indented JSON with a final newline (for files people read). */
    public static String write(Object value) {
        return generate(INDENTED, value) + "\n";
    }

    /** JSON on one line (for messages). */
    public static String compact(Object value) {
        return generate(ObjectWriteContext.empty(), value);
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException naming the position of the first error
     */
    public static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            try {
                return JsonValues.document(p);
            } catch (JacksonException e) {
                throw malformed(e, p);
            }
        }
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + kind(v));
        }
        return (Map<String, Object>) v;
    }

    /** "object", "array", "string", "number", "boolean" or "null". */
    public static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Number) {
            return "number";
        }
        return v instanceof Boolean ? "boolean" : "string";
    }

    private static String generate(ObjectWriteContext context, Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(context, out)) {
            JsonValues.write(g, value);
        }
        return out.toString();
    }

    /** The error's offset, or where the parser stopped for a limit's error, which has none. */
    private static IllegalArgumentException malformed(JacksonException e, JsonParser p) {
        TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        long offset = at.getCharOffset();
        return new IllegalArgumentException("malformed JSON at offset " + offset + ": " + JsonValues.reason(e), e);
    }
}

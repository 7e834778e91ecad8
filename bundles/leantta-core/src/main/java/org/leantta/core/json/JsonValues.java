package org.leantta.core.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Between Jackson's token streams and plain values: maps, lists, strings, doubles, booleans and null. */
final class JsonValues {
    private JsonValues() {
    }

    /** The one value of a document; anything after it is an error. */
    static Object document(JsonParser p) {
        Object v = value(p, p.nextToken());
        if (p.nextToken() != null) {
            throw new IllegalArgumentException("malformed JSON at offset " + p.currentTokenLocation().getCharOffset()
                    + ": unexpected text after the value");
        }
        return v;
    }

    private static Object value(JsonParser p, JsonToken t) {
        if (t == null) {
            throw new IllegalArgumentException("malformed JSON at offset " + p.currentLocation().getCharOffset()
                    + ": unexpected end of input");
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null; // VALUE_NULL: the parser yields no other token where a value starts
        };
    }

    private static Map<String, Object> object(JsonParser p) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            m.put(name, value(p, p.nextToken()));
        }
        return m;
    }

    private static List<Object> array(JsonParser p) {
        List<Object> l = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            l.add(value(p, t));
        }
        return l;
    }

    static void write(JsonGenerator g, Object v) {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object e : l) {
                write(g, e);
            }
            g.writeEndArray();
        } else {
            scalar(g, v);
        }
    }

    private static void scalar(JsonGenerator g, Object v) {
        if (v == null || (v instanceof Double d && !Double.isFinite(d)) || (v instanceof Float f && !Float.isFinite(f))) {
            g.writeNull();
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Jackson's message without its hints at its own settings and at the (redacted) source: what was found and
     * what was expected.
     */
    static String reason(JacksonException e) {
        return e.getOriginalMessage()
                .replaceAll(",? ?from `[^`]*`", "")                       // "(64, from `StreamReadConstraints...`)"
                .replaceAll(": enable `[^`]*` to allow", "")              // "Non-standard token 'NaN': enable ..."
                .replaceAll(" ?\\(start marker at \\[[^]]*\\]\\)", "")
                .replaceAll("end-of-input(?=[A-Z])", "end-of-input: ")    // "end-of-inputNo digit following sign"
                .strip();
    }
}

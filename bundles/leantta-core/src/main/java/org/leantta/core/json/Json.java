package org.leantta.core.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON: writes maps, lists, strings, numbers and booleans; parses text into {@link LinkedHashMap},
 * {@link ArrayList}, {@link String}, {@link Double}, {@link Boolean} and null.
 */
public final class Json {
    private Json() {
    }

    /** Indented JSON with a final newline (for files people read). */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "  ", "");
        return b.append('\n').toString();
    }

    /** JSON on one line (for messages). */
    public static String compact(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, null, "");
        return b.toString();
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException naming the position of the first error
     */
    public static Object parse(String text) {
        return new JsonParser(text).document();
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

    private static void write(StringBuilder b, Object v, String step, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> m) {
            writeEntries(b, m.entrySet().iterator(), step, indent, '{', '}');
        } else if (v instanceof List<?> l) {
            writeEntries(b, l.iterator(), step, indent, '[', ']');
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? String.valueOf(v) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            quote(b, v.toString());
        }
    }

    private static void writeEntries(StringBuilder b, Iterator<?> it, String step, String indent, char open,
                                     char close) {
        b.append(open);
        String inner = step == null ? indent : indent + step;
        boolean first = true;
        while (it.hasNext()) {
            Object e = it.next();
            if (!first) {
                b.append(',');
            }
            if (step != null) {
                b.append('\n').append(inner);
            }
            first = false;
            if (e instanceof Map.Entry<?, ?> entry) {
                quote(b, String.valueOf(entry.getKey()));
                b.append(step == null ? ":" : ": ");
                write(b, entry.getValue(), step, inner);
            } else {
                write(b, e, step, inner);
            }
        }
        if (!first && step != null) {
            b.append('\n').append(indent);
        }
        b.append(close);
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}

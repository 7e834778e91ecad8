package org.leantta.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as JSON. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> m) {
            writeEntries(b, m.entrySet().iterator(), indent, '{', '}');
        } else if (v instanceof List<?> l) {
            writeEntries(b, l.iterator(), indent, '[', ']');
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? String.valueOf(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            quote(b, v.toString());
        }
    }

    private static void writeEntries(StringBuilder b, Iterator<?> it, String indent, char open, char close) {
        b.append(open);
        String inner = indent + "  ";
        boolean first = true;
        while (it.hasNext()) {
            Object e = it.next();
            b.append(first ? "\n" : ",\n").append(inner);
            first = false;
            if (e instanceof Map.Entry<?, ?> entry) {
                quote(b, String.valueOf(entry.getKey()));
                b.append(": ");
                write(b, entry.getValue(), inner);
            } else {
                write(b, e, inner);
            }
        }
        if (!first) {
            b.append('\n').append(indent);
        }
        b.append(close);
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
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

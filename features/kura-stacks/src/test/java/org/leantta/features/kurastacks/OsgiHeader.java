package org.leantta.features.kurastacks;

import java.util.ArrayList;
import java.util.List;

/** Splits OSGi manifest headers, which quote values that contain the separators (uses:="a,b"). */
final class OsgiHeader {

    private OsgiHeader() {
    }

    /** The parts of {@code header} between separators outside double quotes (none for a null header). */
    static List<String> split(String header, char separator) {
        List<String> parts = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}

package org.leantta.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OSGi manifest header clauses ({@code a;b;version="[1,2)";resolution:=optional, c}) and version ranges, for the
 * tests that check the built bundles' manifests.
 */
public final class ManifestHeader {
    /** Package names of one clause, its attributes ({@code a=b}) and its directives ({@code a:=b}). */
    public record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {
    }

    private ManifestHeader() {
    }

    /** The clauses of a header (none for a null or blank one). */
    public static List<Clause> parse(String header) {
        List<Clause> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    names.add(part.trim());
                } else if (part.charAt(eq - 1) == ':') {
                    directives.put(part.substring(0, eq - 1).trim(), unquote(part.substring(eq + 1).trim()));
                } else {
                    String key = part.substring(0, eq).trim();
                    int typed = key.indexOf(':'); // version:Version="1.0"
                    attributes.put(typed < 0 ? key : key.substring(0, typed), unquote(part.substring(eq + 1).trim()));
                }
            }
            out.add(new Clause(names, attributes, directives));
        }
        return out;
    }

    /**
     * Null if {@code range} is a version range whose upper bound is below {@code major}.0.0, or exactly that and
     * exclusive; else what is wrong with it.
     */
    public static String upperBoundProblem(String range, int major) {
        if (range == null) {
            return "no version: any version matches, " + major + ".0 included";
        }
        String r = range.trim();
        if (!(r.startsWith("[") || r.startsWith("(")) || !(r.endsWith("]") || r.endsWith(")")) || !r.contains(",")) {
            return "version \"" + r + "\" has no upper bound (a bare version means that version or later)";
        }
        String upper = r.substring(r.indexOf(',') + 1, r.length() - 1).trim();
        boolean exclusive = r.endsWith(")");
        int cmp = compare(upper, major + ".0.0");
        if (cmp < 0 || (cmp == 0 && exclusive)) {
            return null;
        }
        return "version range \"" + r + "\" admits " + (cmp == 0 ? major + ".0.0" : "versions up to " + upper)
                + "; expected an upper bound below " + major + ".0.0 or " + major + ".0.0 exclusive, like [1.2," + major + ")";
    }

    /** Compares OSGi versions major.minor.micro[.qualifier]; a qualifier sorts after no qualifier. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return (x.length > 3 ? x[3] : "").compareTo(y.length > 3 ? y[3] : "");
    }

    /**
     * The parts of {@code s} between separators outside double quotes (headers quote values that contain the
     * separators, uses:="a,b"); none for a null or blank one.
     */
    public static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : s.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}

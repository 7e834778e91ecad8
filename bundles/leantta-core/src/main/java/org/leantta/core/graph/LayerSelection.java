package org.leantta.core.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which BatchNormalization layers to adapt, in graph order: {@code all}, {@code none}, {@code first:K},
 * {@code last:K}, or a comma list of layer indices (0-based) and node names.
 */
public final class LayerSelection {
    private final String spec;

    private LayerSelection(String spec) {
        this.spec = spec;
    }

    public static LayerSelection all() {
        return new LayerSelection("all");
    }

    /** Parses a selection; the syntax is checked here, names and ranges when applied to a model. */
    public static LayerSelection parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty layer selection; expected all, none, first:K, last:K "
                    + "or a comma list of layer indices/names");
        }
        if (s.startsWith("first:") || s.startsWith("last:")) {
            count(s);
        }
        return new LayerSelection(s.startsWith("first:") || s.startsWith("last:") || s.equals("all")
                || s.equals("none") ? s : spec.trim());
    }

    /** The selected indices among {@code names} (the BatchNormalization node names in graph order). */
    public Set<Integer> select(List<String> names) {
        int n = names.size();
        Set<Integer> out = new LinkedHashSet<>();
        if (spec.equals("all")) {
            range(out, 0, n);
        } else if (spec.startsWith("first:")) {
            range(out, 0, Math.min(n, count(spec)));
        } else if (spec.startsWith("last:")) {
            range(out, Math.max(0, n - count(spec)), n);
        } else if (!spec.equals("none")) {
            for (String item : spec.split(",")) {
                out.add(index(item.trim(), names));
            }
        }
        return out;
    }

    private static void range(Set<Integer> out, int from, int to) {
        for (int i = from; i < to; i++) {
            out.add(i);
        }
    }

    private static int count(String s) {
        String k = s.substring(s.indexOf(':') + 1);
        try {
            int v = Integer.parseInt(k);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad layer count in '" + s + "': expected a number >= 0");
    }

    private static int index(String item, List<String> names) {
        int byName = names.indexOf(item);
        if (byName >= 0) {
            return byName;
        }
        try {
            int i = Integer.parseInt(item);
            if (i >= 0 && i < names.size()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            valid.add(i + "=" + names.get(i));
        }
        throw new IllegalArgumentException("unknown layer '" + item + "'; the model's BatchNormalization layers are "
                + valid);
    }

    @Override
    public String toString() {
        return spec;
    }
}

package org.leantta.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code --name value} and {@code --flag} options. Unknown options are usage errors that list the known ones,
 * sorted, with the closest as a suggestion; input files that do not exist are usage errors naming every one.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new TreeSet<>();
    private final List<String> missing = new ArrayList<>();

    Args(String[] args, int from, Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            values.put(name, value);
        }
    }

    String string(String name, String def) {
        used.add(name);
        return values.getOrDefault(name, def);
    }

    Path path(String name, Path def) {
        String v = string(name, null);
        return v == null ? def : Path.of(v);
    }

    /** An input file that must exist (checked with the others in {@link #checkAllUsed()}). */
    Path file(String name, Path def) {
        Path p = path(name, def);
        if (p != null && !Files.isRegularFile(p)) {
            missing.add("--" + name + " " + p);
        }
        return p;
    }

    /** An option parsed by {@code parser}, whose IllegalArgumentException becomes a usage error. */
    <T> T parsed(String name, String def, Function<String, T> parser) {
        String v = string(name, def);
        try {
            return v == null ? null : parser.apply(v);
        } catch (Args.UsageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /** An option kept as text, checked by {@code check}, whose IllegalArgumentException is a usage error. */
    String checked(String name, String def, java.util.function.Consumer<String> check) {
        return parsed(name, def, v -> {
            check.accept(v);
            return v;
        });
    }

    int integer(String name, int def) {
        String v = string(name, null);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a whole number, got '" + v + "'");
        }
    }

    float number(String name, float def) {
        return (float) decimal(name, def);
    }

    double decimal(String name, double def) {
        String v = string(name, null);
        try {
            return v == null ? def : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number, got '" + v + "'");
        }
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }

    boolean has(String name) {
        used.add(name);
        return values.containsKey(name);
    }

    /** Fails on options that no {@code string/path/...} call asked for, then on missing input files. */
    void checkAllUsed() {
        for (String name : new TreeSet<>(values.keySet())) {
            if (!used.contains(name)) {
                String hint = closest(name, used);
                throw new UsageException("unknown option --" + name + (hint == null ? "" : "; did you mean --"
                        + hint + "?") + "\n  known: --" + String.join(", --", used));
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("no such file: " + String.join(", ", missing));
        }
    }

    /** The candidate nearest to {@code word} by edit distance, if near enough to be a slip; else null. */
    static String closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(word, c) <= Math.max(2, Math.min(word.length(), c.length()) / 3)
                        || c.startsWith(word) || word.startsWith(c))
                .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c))
                .orElse(null);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** A usage error: printed with the command's help, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

package org.leantta.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options; unknown options are errors that list the known ones. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

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

    /** Fails on options that no {@code string/path/...} call asked for. */
    void checkAllUsed() {
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name + "; known: --" + String.join(", --", used));
            }
        }
    }

    /** A usage error: printed with the command's help, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

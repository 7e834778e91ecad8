package org.leantta.features.kurastacks.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The probe's findings, one record per line: a kind and tab-separated fields (tabs and line breaks inside a
 * field become spaces and " | "). Written whole at the end (to a temporary file, then moved) so the test
 * never reads half a report.
 */
final class ProbeReport {

    private final List<String> lines = new ArrayList<>();

    void add(String kind, Object... fields) {
        StringBuilder line = new StringBuilder(kind);
        for (Object field : fields) {
            line.append('\t').append(clean(String.valueOf(field)));
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    void writeTo(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        synchronized (lines) {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String clean(String s) {
        return s.strip().replace("\r", "").replace("\n", " | ").replace('\t', ' ');
    }
}

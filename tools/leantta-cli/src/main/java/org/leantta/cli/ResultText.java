package org.leantta.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the plain-text tables the command line prints ({@link Table}): a title line, a header, a dashed line,
 * rows whose cells are separated by two or more spaces; and the {@code ### section} lines of the results scripts.
 */
final class ResultText {
    /** One table: its section ("" before any), title, header and rows keyed by their first cell. */
    record Block(String section, String title, List<String> header, Map<String, List<String>> rows) {
        /** The value of column {@code column} in row {@code row}, as a number; NaN when absent. */
        double value(String row, String column) {
            List<String> cells = rows.get(row);
            int i = header.indexOf(column);
            if (cells == null || i < 0 || i >= cells.size()) {
                return Double.NaN;
            }
            return Double.parseDouble(cells.get(i).replace("%", "").replace("x", ""));
        }
    }

    private ResultText() {
    }

    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n");
        String section = "";
        for (int i = 0; i + 2 < lines.length; i++) {
            if (lines[i].startsWith("### ")) {
                section = lines[i].substring(4).trim();
            }
            if (lines[i + 2].matches("-{5,}") && !lines[i].isBlank()) {
                Map<String, List<String>> rows = new LinkedHashMap<>();
                int j = i + 3;
                for (; j < lines.length && !lines[j].isBlank(); j++) {
                    List<String> cells = List.of(lines[j].trim().split("\\s{2,}"));
                    rows.put(cells.get(0), cells);
                }
                blocks.add(new Block(section, lines[i].trim(), List.of(lines[i + 1].trim().split("\\s{2,}")),
                        rows));
                i = j - 1;
            }
        }
        return blocks;
    }
}

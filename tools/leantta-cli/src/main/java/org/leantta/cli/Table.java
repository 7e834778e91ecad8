package org.leantta.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header row and left-aligned first column. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final String title;

    Table(String title, String... header) {
        this.title = title;
        rows.add(header);
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintStream out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols && c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        out.println();
        out.println(title);
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder b = new StringBuilder();
            String[] r = rows.get(i);
            for (int c = 0; c < cols; c++) {
                String cell = c < r.length ? r[c] : "";
                b.append(c == 0 ? pad(cell, width[c], true) : "  " + pad(cell, width[c], false));
            }
            out.println(b.toString().stripTrailing());
            if (i == 0) {
                out.println("-".repeat(b.length()));
            }
        }
    }

    private static String pad(String s, int w, boolean left) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return left ? s + fill : fill + s;
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format("%.2f", 100 * fraction);
    }

    static String signedPct(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format("%+.1f%%", 100 * fraction);
    }
}

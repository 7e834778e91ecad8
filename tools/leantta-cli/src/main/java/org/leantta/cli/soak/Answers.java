package org.leantta.cli.soak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Which sample ids came back, as a prediction or as an error report, and how often. */
final class Answers {
    private static final int KEPT_REASONS = 5;
    private final BitSet seen = new BitSet();
    private long predictions;
    private long errorReports;
    private long duplicates;
    private long unmatched;
    private final List<String> reasons = new ArrayList<>();

    /** Records one message from the predictions or errors topic. */
    synchronized void record(boolean error, byte[] payload) {
        String body = new String(payload, StandardCharsets.UTF_8);
        long id = id(body);
        if (id < 0 || id > Integer.MAX_VALUE) {
            unmatched++;
        } else if (seen.get((int) id)) {
            duplicates++;
        } else {
            seen.set((int) id);
            if (error) {
                errorReports++;
            } else {
                predictions++;
            }
        }
        if (error && reasons.size() < KEPT_REASONS) {
            reasons.add(body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** The numeric {@code "id"} of a prediction or error report, -1 if it has none. */
    static long id(String body) {
        int at = body.indexOf("\"id\":\"");
        if (at < 0) {
            return -1;
        }
        int from = at + 6;
        int to = body.indexOf('"', from);
        try {
            return to < 0 ? -1 : Long.parseLong(body.substring(from, to));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    synchronized long answered() {
        return predictions + errorReports;
    }

    synchronized long predictions() {
        return predictions;
    }

    synchronized long errorReports() {
        return errorReports;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long unmatched() {
        return unmatched;
    }

    /** Ids below {@code sent} never answered. */
    synchronized long missing(long sent) {
        return sent - seen.get(0, (int) sent).cardinality();
    }

    synchronized List<String> errorSamples() {
        return List.copyOf(reasons);
    }
}

package org.leantta.kura.model;

import java.util.Map;
import java.util.TreeSet;

/** What changed between two configurations, for the gateway's events. */
public final class PropertyChanges {
    private PropertyChanges() {
    }

    /** The changed properties as "key: old -> new" parts in key order, or "no change". */
    public static String describe(Map<String, Object> before, Map<String, Object> after) {
        StringBuilder sb = new StringBuilder();
        TreeSet<String> keys = new TreeSet<>(after.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            Object was = before.get(key);
            Object now = after.get(key);
            if (!String.valueOf(was).equals(String.valueOf(now))) {
                sb.append(sb.length() == 0 ? "" : ", ").append(key).append(": ").append(was).append(" -> ")
                        .append(now);
            }
        }
        return sb.length() == 0 ? "no change" : sb.toString();
    }
}

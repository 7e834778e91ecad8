package org.leantta.itests.conventions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leantta.itests.conventions.Metatype.Ad;

/** Whether a text value fits an AD: Kura's types, min/max (length for strings), the Options when there are any. */
final class AdValues {
    /** The AD types Kura knows (its Tscalar): the metatype scalars plus Password. */
    static final List<String> KURA_TYPES = List.of("String", "Long", "Double", "Float", "Integer", "Byte", "Char",
            "Boolean", "Short", "Password");

    private AdValues() {
    }

    /** Problems of {@code value} for {@code ad}, each naming the value; empty when it fits. */
    static List<String> problems(Ad ad, String value) {
        List<String> out = new ArrayList<>();
        if (value.isEmpty()) {
            // Kura treats an empty value as no value
            if (ad.required()) {
                out.add("empty value, but the AD is required");
            }
            return out;
        }
        if (ad.type().equals("Password")) {
            return out; // Kura's encrypted text: nothing to compare
        }
        BigDecimal v = measure(ad.type(), value);
        if (v == null) {
            out.add("'" + value + "' is not a valid " + ad.type());
            return out;
        }
        if (ad.min() != null && compareBound(ad, ad.min(), v) < 0) {
            out.add("'" + value + "' is below the AD's min " + ad.min());
        }
        if (ad.max() != null && compareBound(ad, ad.max(), v) > 0) {
            out.add("'" + value + "' is above the AD's max " + ad.max());
        }
        if (!ad.options().isEmpty() && !ad.options().contains(value)) {
            out.add("'" + value + "' is not one of the AD's options " + ad.options());
        }
        return out;
    }

    private static int compareBound(Ad ad, String bound, BigDecimal v) {
        // min/max of a String are lengths (OSGi metatype); of the other types, values of the type
        BigDecimal b = measure(ad.type().equals("String") ? "Integer" : ad.type(), bound);
        if (b == null) {
            throw new IllegalArgumentException("AD " + ad.id() + ": bound '" + bound + "' is not a valid " + ad.type());
        }
        return v.compareTo(b);
    }

    /** The number min/max compare against (a String's length, a Char's code), or null if the text is invalid. */
    static BigDecimal measure(String type, String text) {
        String t = text.trim();
        try {
            return switch (type) {
                case "String" -> BigDecimal.valueOf(text.length());
                case "Char" -> text.length() == 1 ? BigDecimal.valueOf(text.charAt(0)) : null;
                case "Boolean" -> isBoolean(t) ? BigDecimal.ZERO : null;
                case "Byte" -> BigDecimal.valueOf(Byte.parseByte(t));
                case "Short" -> BigDecimal.valueOf(Short.parseShort(t));
                case "Integer" -> BigDecimal.valueOf(Integer.parseInt(t));
                case "Long" -> BigDecimal.valueOf(Long.parseLong(t));
                case "Float" -> finite(Float.parseFloat(t));
                case "Double" -> finite(Double.parseDouble(t));
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isBoolean(String t) {
        // Kura's Boolean.parseBoolean reads any other text as false: treat it as an error here
        String l = t.toLowerCase(Locale.ROOT);
        return l.equals("true") || l.equals("false");
    }

    private static BigDecimal finite(double d) {
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
}

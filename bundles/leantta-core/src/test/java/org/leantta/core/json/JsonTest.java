package org.leantta.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesWhatItWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "a\"b\\c\n\u0001é");
        m.put("data", List.of(1.5, -2.0, 3e-4));
        m.put("ok", true);
        m.put("none", null);
        m.put("nested", Map.of("x", List.of()));
        for (String text : List.of(Json.write(m), Json.compact(m))) {
            assertThat(Json.parse(text.strip())).isEqualTo(m);
        }
        assertThat(Json.compact(m)).doesNotContain("\n").startsWith("{\"id\":");
    }

    @Test
    void parsesNumbersAndEscapes() {
        Object v = Json.parse(" [0, -0.5, 1E3, 2e-2, \"\\u0041\\/\", false] ");
        assertThat(v).isEqualTo(List.of(0.0, -0.5, 1000.0, 0.02, "A/", false));
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() {
        assertThat(Json.compact(List.of(Double.NaN, Float.POSITIVE_INFINITY))).isEqualTo("[null,null]");
    }

    @Test
    void rejectsMalformedTextWithThePosition() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "[1 2]", "\"open", "{a:1}", "nul", "[1] x",
                "NaN", "-", "[.5]", "\"\\x\"", "{\"a\":1,}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed JSON at offset");
        }
    }

    @Test
    void rejectsDeepNesting() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(deepest)).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[" + deepest + "]"))
                .hasMessage("malformed JSON at offset 65: Document nesting depth (65) exceeds the maximum allowed (64)");
    }

    @Test
    void rejectsOverlongNumbersButReadsOutOfRangeOnesForTheCallerToRefuse() {
        assertThatThrownBy(() -> Json.parse("[" + "9".repeat(1001) + "]"))
                .hasMessageContaining("Number value length (1001) exceeds the maximum allowed (1000)");
        assertThat(Json.parse("[1e39, -1e400, " + "9".repeat(1000) + "]"))
                .isEqualTo(List.of(1e39, Double.NEGATIVE_INFINITY, Double.parseDouble("9".repeat(1000))));
    }

    @Test
    void messagesSayWhatWasFoundAndExpectedWithoutTheLibrarysSettings() {
        assertThat(List.of("-", "NaN", "[+1]", "{\"a\" 1}", "[1 2]", "[" + "[".repeat(70))).allSatisfy(bad ->
                assertThatThrownBy(() -> Json.parse(bad)).message().doesNotContain("`", "Source", "REDACTED")
                        .doesNotContainPattern("[a-z][A-Z][a-z]"));
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessage("malformed JSON at offset 5: Unexpected "
                + "character ('1' (code 49)): was expecting a colon to separate property name and value");
        assertThatThrownBy(() -> Json.parse("-")).hasMessageEndingWith("end-of-input: No digit following sign");
    }

    @Test
    void parseObjectSaysWhatItGot() {
        assertThat(Json.parseObject("{\"a\":1}")).containsEntry("a", 1.0);
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessage("expected a JSON object, got array");
    }
}

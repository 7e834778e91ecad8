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
        assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100)))
                .hasMessageContaining("nested deeper");
    }

    @Test
    void parseObjectSaysWhatItGot() {
        assertThat(Json.parseObject("{\"a\":1}")).containsEntry("a", 1.0);
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessage("expected a JSON object, got array");
    }
}

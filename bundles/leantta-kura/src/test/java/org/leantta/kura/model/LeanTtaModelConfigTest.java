package org.leantta.kura.model;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leantta.core.Defaults;

/** The config annotation is the single source of defaults, and settings write back the same attribute ids. */
class LeanTtaModelConfigTest {

    @Test
    void everyPropertyIsAnAttributeAndEveryAttributeAProperty() {
        ModelSettings s = ModelSettings.from(Configs.of(LeanTtaModelConfig.class, Map.of()));

        assertThat(s.toProperties().keySet()).containsExactlyInAnyOrderElementsOf(defaults().keySet());
    }

    @Test
    void propertiesHaveTheAttributesTypes() {
        ModelSettings s = ModelSettings.from(Configs.of(LeanTtaModelConfig.class, Map.of()));
        Map<String, Object> defaults = defaults();

        s.toProperties().forEach((id, value) ->
                assertThat(value).as(id).isInstanceOf(defaults.get(id).getClass()));
    }

    @Test
    void theDefaultsAreTheCoreDefaults() {
        Map<String, Object> d = defaults();

        assertThat(d).containsEntry("tau", Defaults.TAU).containsEntry("lambda", Defaults.LAMBDA)
                .containsEntry("adapted.layers", Defaults.LAYERS).containsEntry("rule", Defaults.RULE.id());
    }

    @Test
    void theDefaultSettingsWriteBackTheDefaults() {
        ModelSettings s = ModelSettings.from(Configs.of(LeanTtaModelConfig.class, Map.of()));

        assertThat(s.toProperties()).isEqualTo(defaults());
    }

    /** Attribute id to default value, read from the annotation itself. */
    private static Map<String, Object> defaults() {
        Map<String, Object> m = new TreeMap<>();
        for (Method a : LeanTtaModelConfig.class.getDeclaredMethods()) {
            assertThat(a.getDefaultValue()).as("default of %s", a.getName()).isNotNull();
            m.put(Configs.attributeId(a), a.getDefaultValue());
        }
        assertThat(m).as("attributes of %s", Arrays.toString(LeanTtaModelConfig.class.getDeclaredMethods()))
                .isNotEmpty();
        return m;
    }
}

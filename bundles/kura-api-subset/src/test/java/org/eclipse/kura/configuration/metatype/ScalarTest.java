package org.eclipse.kura.configuration.metatype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Scalar maps metatype XML type names as Kura's does. */
class ScalarTest {

    @Test
    void mapsXmlNames() {
        assertThat(Scalar.fromValue("Password")).isEqualTo(Scalar.PASSWORD);
        assertThat(Scalar.fromValue("Character")).isEqualTo(Scalar.CHAR);
        assertThat(Scalar.fromValue("Char")).isEqualTo(Scalar.CHAR);
        assertThat(Scalar.INTEGER.value()).isEqualTo("Integer");
        assertThatThrownBy(() -> Scalar.fromValue("string")).isInstanceOf(IllegalArgumentException.class);
    }
}

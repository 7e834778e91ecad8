package org.eclipse.kura.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Password keeps Kura's value semantics: equality and hash by characters, String and char[] forms equivalent. */
class PasswordTest {

    @Test
    void roundTripsItsCharacters() {
        Password fromString = new Password("s3cr3t!");
        Password fromChars = new Password(new char[] { 's', '3', 'c', 'r', '3', 't', '!' });

        assertThat(fromString.getPassword()).containsExactly('s', '3', 'c', 'r', '3', 't', '!');
        assertThat(fromString.toString()).isEqualTo("s3cr3t!");
        assertThat(fromChars.toString()).isEqualTo("s3cr3t!");
        assertThat(new Password(fromString.getPassword())).isEqualTo(fromString);
    }

    @Test
    void equalityIsByCharacters() {
        Password a = new Password("abc");
        Password b = new Password(new char[] { 'a', 'b', 'c' });

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Password("abd"));
        assertThat(a).isNotEqualTo(new Password(""));
        assertThat(a).isNotEqualTo("abc");
        assertThat(a).isNotEqualTo(null);
    }

    @Test
    void nullValueIsKept() {
        Password none = new Password((String) null);

        assertThat(none.getPassword()).isNull();
        assertThat(none).isEqualTo(new Password((char[]) null));
        assertThat(none).isNotEqualTo(new Password(""));
    }
}

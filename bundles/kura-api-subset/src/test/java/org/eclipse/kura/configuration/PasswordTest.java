package org.eclipse.kura.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Password behaves as Kura 5.4–5.6's: the characters as given, identity equality, toString of the characters. */
class PasswordTest {

    @Test
    void roundTripsItsCharacters() {
        // given
        char[] chars = { 's', '3', 'c', 'r', '3', 't', '!' };

        // when
        Password fromString = new Password("s3cr3t!");
        Password fromChars = new Password(chars);

        // then
        assertThat(fromString.getPassword()).containsExactly(chars);
        assertThat(fromString.toString()).isEqualTo("s3cr3t!");
        assertThat(fromChars.toString()).isEqualTo("s3cr3t!");
    }

    @Test
    void keepsTheArrayItWasGiven() {
        // given
        char[] chars = { 'a', 'b' };

        // when
        Password password = new Password(chars);
        chars[0] = 'z';

        // then
        assertThat(password.getPassword()).isSameAs(chars);
        assertThat(password.toString()).isEqualTo("zb");
    }

    @Test
    void equalityIsIdentityAsInKura() {
        // given
        Password a = new Password("abc");
        Password b = new Password("abc");

        // then
        assertThat(a).isEqualTo(a).isNotEqualTo(b);
    }

    @Test
    void nullValueIsKeptAndHasNoText() {
        // when
        Password none = new Password((String) null);

        // then
        assertThat(none.getPassword()).isNull();
        assertThat(new Password((char[]) null).getPassword()).isNull();
        assertThatThrownBy(none::toString).isInstanceOf(NullPointerException.class);
    }
}

package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.kura.KuraException;
import org.junit.jupiter.api.Test;

/** Password values: clear text off a gateway, decrypted by Kura's CryptoService on one. */
class SecretsTest {
    private final FakeCryptoService crypto = new FakeCryptoService();

    @Test
    void withoutACryptoServiceTheValueIsTakenAsGiven() {
        assertThat(Secrets.of(null).reveal("s3cret")).isEqualTo("s3cret");
        assertThat(Secrets.of(null).reveal("")).isEmpty();
    }

    @Test
    void withACryptoServiceTheValueIsDecrypted() {
        assertThat(Secrets.of(crypto).reveal(FakeCryptoService.encrypt("s3cret"))).isEqualTo("s3cret");
        assertThat(crypto.decrypted()).containsExactly("enc:s3cret");
    }

    @Test
    void anEmptyValueNeedsNoDecryption() {
        assertThat(Secrets.of(crypto).reveal("")).isEmpty();
        assertThat(crypto.decrypted()).isEmpty();
    }

    @Test
    void aValueThatCannotBeDecryptedIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> Secrets.of(crypto).reveal("typed-in-clear"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a password could not be decrypted with Kura's CryptoService: "
                        + "DECODER_ERROR: value is not encrypted")
                .hasCauseInstanceOf(KuraException.class);
    }
}

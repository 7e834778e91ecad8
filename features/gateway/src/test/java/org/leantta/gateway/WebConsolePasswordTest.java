package org.leantta.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebConsolePasswordTest {

    @Test
    void unsaltedHashMatchesTheConsolesDefaultForAdmin() {
        // OsgiManager.DEFAULT_PASSWORD in webconsole 5.0.18 is the hash of "admin"
        assertThat(WebConsolePassword.hash("admin", null, 1))
                .isEqualTo("{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=");
    }

    @Test
    void saltedHashHasTheConsolesLayout() {
        String h = WebConsolePassword.hash("pw");
        assertThat(h).matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}=");
        assertThat(WebConsolePassword.hash("pw")).isNotEqualTo(h);
    }

    @Test
    void generatedPasswordsAreLongAndDistinct() {
        String a = WebConsolePassword.generate();
        assertThat(a).hasSize(24).matches("[A-Za-z0-9_-]+");
        assertThat(WebConsolePassword.generate()).isNotEqualTo(a);
    }
}

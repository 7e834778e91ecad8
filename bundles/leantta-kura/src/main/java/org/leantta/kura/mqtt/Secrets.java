package org.leantta.kura.mqtt;

import org.eclipse.kura.crypto.CryptoService;

/**
 * Turns configured Password values into clear text. On a Kura gateway they arrive encrypted and Kura's
 * CryptoService decrypts them; without it (off a gateway) they are taken as given.
 */
@FunctionalInterface
public interface Secrets {
    String reveal(String configured);

    static Secrets of(CryptoService crypto) {
        if (crypto == null) {
            return s -> s;
        }
        return s -> {
            if (s.isEmpty()) {
                return s;
            }
            try {
                return new String(crypto.decryptAes(s.toCharArray()));
            } catch (Exception e) {
                throw new IllegalArgumentException("a password could not be decrypted with Kura's CryptoService: "
                        + e.getMessage(), e);
            }
        };
    }
}

package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * Kura's CryptoService in miniature: "encryption" is the prefix {@code enc:} (no security, just recognisable),
 * and decrypting anything without it fails as Kura's does on a value that was never encrypted.
 */
public final class FakeCryptoService implements CryptoService {
    private static final String PREFIX = "enc:";
    final List<String> decrypted = new ArrayList<>();
    private final Map<String, char[]> keyStorePasswords = new HashMap<>();

    public static String encrypt(String clear) {
        return PREFIX + clear;
    }

    @Override
    public char[] encryptAes(char[] value) {
        return encrypt(new String(value)).toCharArray();
    }

    @Override
    public synchronized char[] decryptAes(char[] encryptedValue) throws KuraException {
        String s = new String(encryptedValue);
        decrypted.add(s);
        if (!s.startsWith(PREFIX)) {
            throw new KuraException(KuraErrorCode.DECODER_ERROR, "value is not encrypted");
        }
        return s.substring(PREFIX.length()).toCharArray();
    }

    @Override
    @Deprecated
    public String encryptAes(String value) {
        return encrypt(value);
    }

    @Override
    @Deprecated
    public String decryptAes(String encryptedValue) {
        try {
            return new String(decryptAes(encryptedValue.toCharArray()));
        } catch (KuraException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String hash(String s, String algorithm) {
        return algorithm + ":" + s;
    }

    @Override
    public String encodeBase64(String stringValue) {
        return Base64.getEncoder().encodeToString(stringValue.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decodeBase64(String encodedValue) {
        return new String(Base64.getDecoder().decode(encodedValue), StandardCharsets.UTF_8);
    }

    @Override
    public char[] getKeyStorePassword(String keyStorePath) {
        return keyStorePasswords.getOrDefault(keyStorePath, new char[0]);
    }

    @Override
    public void setKeyStorePassword(String keyStorePath, char[] password) {
        keyStorePasswords.put(keyStorePath, password.clone());
    }

    @Override
    @Deprecated
    public void setKeyStorePassword(String keyStorePath, String password) {
        setKeyStorePassword(keyStorePath, password.toCharArray());
    }

    @Override
    public boolean isFrameworkSecure() {
        return false;
    }

    public synchronized List<String> decrypted() {
        return List.copyOf(decrypted);
    }
}

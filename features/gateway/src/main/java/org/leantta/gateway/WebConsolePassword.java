package org.leantta.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Passwords for the Felix web console 5.0.18 (its internal Password class, read from the 5.0.18 sources):
 * {@code {sha-256}<hex salt>-<iterations>-<base64 of sha256^iterations(salt + password)>}, or without salt
 * {@code {sha-256}<base64 of sha256(password)>}. The console accepts a plain password too, but then rewrites
 * its configuration with the hash; giving it the hash keeps the plain text out of ConfigAdmin's files.
 */
final class WebConsolePassword {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebConsolePassword() {
    }

    /** A fresh random password: 18 random bytes, URL-safe base64 (24 characters, no padding). */
    static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The console's own format with a random 8-byte salt and 1000 iterations, as it hashes by itself. */
    static String hash(String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return hash(password, HexFormat.of().formatHex(salt), 1000);
    }

    static String hash(String password, String salt, int iterations) {
        byte[] bytes = ((salt == null ? "" : salt) + password).getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < iterations; i++) {
                bytes = md.digest(bytes);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        String digest = Base64.getEncoder().encodeToString(bytes);
        if (salt == null || salt.isEmpty()) {
            return "{sha-256}" + digest;
        }
        return "{sha-256}" + salt + "-" + (iterations > 1 ? iterations + "-" : "") + digest;
    }
}

package org.eclipse.kura.crypto;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Kura's cryptographic service: AES encryption and decryption with the framework key, Base64, hashing and key store
 * passwords. Provided by Kura; not meant to be implemented by applications (test doubles excepted).
 *
 * <p>All methods of Kura 5.4–5.6 (package version 1.3.0) are declared, with Kura's signatures; Kura 6's stream
 * methods (package version 1.4.0) are not.
 */
@ProviderType
public interface CryptoService {

    /**
     * Encrypts with AES.
     *
     * @param value the plain characters
     * @return the encrypted characters
     * @throws KuraException if encryption fails
     */
    char[] encryptAes(char[] value) throws KuraException;

    /**
     * Decrypts AES-encrypted characters, e.g. those of a {@link org.eclipse.kura.configuration.Password}.
     *
     * @param encryptedValue the encrypted characters
     * @return the plain characters
     * @throws KuraException if decryption fails (e.g. the value was not encrypted)
     */
    char[] decryptAes(char[] encryptedValue) throws KuraException;

    /**
     * Encrypts a string with AES.
     *
     * @param value the plain text
     * @return the encrypted text
     * @throws NoSuchAlgorithmException on a JCE failure
     * @throws NoSuchPaddingException on a JCE failure
     * @throws InvalidKeyException on a JCE failure
     * @throws IllegalBlockSizeException on a JCE failure
     * @throws BadPaddingException on a JCE failure
     * @deprecated use {@link #encryptAes(char[])}
     */
    @Deprecated
    String encryptAes(String value) throws NoSuchAlgorithmException, NoSuchPaddingException, InvalidKeyException,
            IllegalBlockSizeException, BadPaddingException;

    /**
     * Decrypts an AES-encrypted string.
     *
     * @param encryptedValue the encrypted text
     * @return the plain text
     * @throws NoSuchAlgorithmException on a JCE failure
     * @throws NoSuchPaddingException on a JCE failure
     * @throws InvalidKeyException on a JCE failure
     * @throws IOException on a decoding failure
     * @throws IllegalBlockSizeException on a JCE failure
     * @throws BadPaddingException on a JCE failure
     * @deprecated use {@link #decryptAes(char[])}
     */
    @Deprecated
    String decryptAes(String encryptedValue) throws NoSuchAlgorithmException, NoSuchPaddingException,
            InvalidKeyException, IOException, IllegalBlockSizeException, BadPaddingException;

    /**
     * SHA-1 hash of a string, as {@code hash(s, "SHA-1")}.
     *
     * @param s the input
     * @return the hash
     * @throws NoSuchAlgorithmException if the algorithm is unavailable
     * @throws UnsupportedEncodingException if the encoding is unavailable
     */
    default String sha1Hash(String s) throws NoSuchAlgorithmException, UnsupportedEncodingException {
        return hash(s, "SHA-1");
    }

    /**
     * SHA-256 hash of a string, as {@code hash(s, "SHA-256")}.
     *
     * @param s the input
     * @return the hash
     * @throws NoSuchAlgorithmException if the algorithm is unavailable
     * @throws UnsupportedEncodingException if the encoding is unavailable
     */
    default String sha256Hash(String s) throws NoSuchAlgorithmException, UnsupportedEncodingException {
        return hash(s, "SHA-256");
    }

    /**
     * Hash of a string with the named algorithm.
     *
     * @param s the input
     * @param algorithm a {@link java.security.MessageDigest} algorithm name
     * @return the hash
     * @throws NoSuchAlgorithmException if the algorithm is unavailable
     * @throws UnsupportedEncodingException if the encoding is unavailable
     */
    String hash(String s, String algorithm) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /**
     * Base64-encodes a string.
     *
     * @param stringValue the input
     * @return the encoded text
     * @throws NoSuchAlgorithmException declared by Kura
     * @throws UnsupportedEncodingException if the encoding is unavailable
     */
    String encodeBase64(String stringValue) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /**
     * Decodes a Base64 string.
     *
     * @param encodedValue the encoded text
     * @return the decoded text
     * @throws NoSuchAlgorithmException declared by Kura
     * @throws UnsupportedEncodingException if the encoding is unavailable
     */
    String decodeBase64(String encodedValue) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /**
     * The password stored for a key store.
     *
     * @param keyStorePath identifies the key store
     * @return its password
     */
    char[] getKeyStorePassword(String keyStorePath);

    /**
     * Stores the password of a key store.
     *
     * @param keyStorePath identifies the key store
     * @param password its password
     * @throws KuraException if it cannot be stored
     */
    void setKeyStorePassword(String keyStorePath, char[] password) throws KuraException;

    /**
     * Stores the password of a key store.
     *
     * @param keyStorePath identifies the key store
     * @param password its password
     * @throws IOException if it cannot be stored
     * @deprecated use {@link #setKeyStorePassword(String, char[])}
     */
    @Deprecated
    void setKeyStorePassword(String keyStorePath, String password) throws IOException;

    /**
     * @return whether the framework runs in security mode
     */
    boolean isFrameworkSecure();
}

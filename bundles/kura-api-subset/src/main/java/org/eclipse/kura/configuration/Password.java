package org.eclipse.kura.configuration;

import java.util.Arrays;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Value that Kura passes for metatype attributes of type {@code Password}. In a component's configuration the
 * characters are normally the encrypted form; decrypt them with
 * {@link org.eclipse.kura.crypto.CryptoService#decryptAes(char[])}.
 *
 * <p>Two instances are equal when they hold the same characters (a null value equals only a null value).
 */
@ProviderType
public class Password {

    private final char[] passwordVal;

    /**
     * @param password the characters, may be null
     */
    public Password(String password) {
        this.passwordVal = password == null ? null : password.toCharArray();
    }

    /**
     * @param password the characters, copied; may be null
     */
    public Password(char[] password) {
        this.passwordVal = password == null ? null : Arrays.copyOf(password, password.length);
    }

    /**
     * @return the characters (not a copy), or null when constructed with null
     */
    public char[] getPassword() {
        return this.passwordVal;
    }

    /**
     * @return the characters as a string, or the empty string when the value is null
     */
    @Override
    public String toString() {
        return this.passwordVal == null ? "" : new String(this.passwordVal);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(this.passwordVal);
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return Arrays.equals(this.passwordVal, ((Password) obj).passwordVal);
    }
}

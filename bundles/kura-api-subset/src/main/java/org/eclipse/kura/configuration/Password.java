package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Value that Kura passes for metatype attributes of type {@code Password}. In a component's configuration the
 * characters are normally the encrypted form; decrypt them with
 * {@link org.eclipse.kura.crypto.CryptoService#decryptAes(char[])}.
 *
 * <p>As in Kura 5.4–5.6: the {@code char[]} given is kept, not copied; equality is identity (no {@code equals} or
 * {@code hashCode} override); {@link #toString()} throws a {@link NullPointerException} when the value is null.
 */
@ProviderType
public class Password {

    private char[] passwordVal;

    /**
     * @param password the characters, may be null
     */
    public Password(String password) {
        if (password != null) {
            this.passwordVal = password.toCharArray();
        }
    }

    /**
     * @param password the characters (kept as given), may be null
     */
    public Password(char[] password) {
        this.passwordVal = password;
    }

    /**
     * @return the characters (not a copy), or null when constructed with null
     */
    public char[] getPassword() {
        return this.passwordVal;
    }

    /**
     * @return the characters as a string
     * @throws NullPointerException when the value is null
     */
    @Override
    public String toString() {
        return String.valueOf(this.passwordVal);
    }
}

/**
 * Stand-in for Kura's crypto API: {@link org.eclipse.kura.crypto.CryptoService}.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.eclipse.kura.crypto;

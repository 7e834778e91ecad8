/**
 * Stand-in for Kura's crypto API: {@link org.eclipse.kura.crypto.CryptoService}.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares (Kura 6: 1.4.0).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.eclipse.kura.crypto;

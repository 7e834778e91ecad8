/**
 * Stand-in for part of Eclipse Kura's base API package: {@link org.eclipse.kura.KuraException},
 * {@link org.eclipse.kura.KuraErrorCode}, {@link org.eclipse.kura.KuraConnectException} and
 * {@link org.eclipse.kura.KuraDisconnectException}.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package org.eclipse.kura;

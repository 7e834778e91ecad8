/**
 * Stand-in for part of Eclipse Kura's base API package: {@link org.eclipse.kura.KuraException} and
 * {@link org.eclipse.kura.KuraErrorCode} only.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package org.eclipse.kura;

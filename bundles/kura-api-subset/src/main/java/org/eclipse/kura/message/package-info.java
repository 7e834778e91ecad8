/**
 * Stand-in for part of Kura's message API: {@link org.eclipse.kura.message.KuraPayload},
 * {@link org.eclipse.kura.message.KuraPosition}, {@link org.eclipse.kura.message.KuraRequestPayload},
 * {@link org.eclipse.kura.message.KuraResponsePayload} and {@link org.eclipse.kura.message.KuraTopic}.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.eclipse.kura.message;

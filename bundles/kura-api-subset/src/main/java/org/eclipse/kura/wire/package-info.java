/**
 * Stand-in for part of Kura's wires API: {@link org.eclipse.kura.wire.WireComponent},
 * {@link org.eclipse.kura.wire.WireEmitter}, {@link org.eclipse.kura.wire.WireReceiver},
 * {@link org.eclipse.kura.wire.WireEnvelope}, {@link org.eclipse.kura.wire.WireRecord},
 * {@link org.eclipse.kura.wire.WireSupport} and {@link org.eclipse.kura.wire.WireHelperService}. The types build on
 * OSGi Wire Admin ({@code org.osgi.service.wireadmin}).
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.eclipse.kura.wire;

/**
 * Stand-in for Kura's documentation annotations: {@link org.eclipse.kura.annotation.Immutable},
 * {@link org.eclipse.kura.annotation.ThreadSafe}, {@link org.eclipse.kura.annotation.NotThreadSafe},
 * {@link org.eclipse.kura.annotation.Nullable} and {@link org.eclipse.kura.annotation.Extensible}.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.eclipse.kura.annotation;

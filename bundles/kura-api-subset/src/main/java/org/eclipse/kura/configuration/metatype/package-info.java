/**
 * Stand-in for Kura's metatype model API: the object class definitions ({@link
 * org.eclipse.kura.configuration.metatype.OCD}) that {@link org.eclipse.kura.configuration.ComponentConfiguration}
 * carries, their attributes and options, and the rest of the package's types.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.eclipse.kura.configuration.metatype;

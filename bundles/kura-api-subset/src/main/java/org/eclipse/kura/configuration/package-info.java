/**
 * Stand-in for part of Kura's configuration API: {@link org.eclipse.kura.configuration.ConfigurationService},
 * {@link org.eclipse.kura.configuration.ComponentConfiguration},
 * {@link org.eclipse.kura.configuration.ConfigurableComponent} and
 * {@link org.eclipse.kura.configuration.Password}.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.eclipse.kura.configuration;

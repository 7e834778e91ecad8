package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker interface: a DS component registered with a {@code service.pid} and implementing this interface is managed
 * by Kura's ConfigurationService and shown in Kura's web UI.
 *
 * <p>Kura reads the component's metatype from {@code OSGI-INF/metatype/<pid>.xml}, i.e. the resource must be named
 * after the component (a restriction beyond the OSGi MetaType specification). Kura updates the component with the
 * stored configuration or, when there is none, with the defaults of its object class definition.
 */
@ConsumerType
public interface ConfigurableComponent {
}

package org.eclipse.kura.configuration;

import java.util.Map;

import org.eclipse.kura.configuration.metatype.OCD;
import org.osgi.annotation.versioning.ProviderType;

/** The configuration of one component as the {@link ConfigurationService} reports it. */
@ProviderType
public interface ComponentConfiguration {

    /**
     * @return the component's persistent identity
     */
    String getPid();

    /**
     * @return the component's object class definition (may be null when it has none)
     */
    OCD getDefinition();

    /**
     * @return the configuration properties
     */
    Map<String, Object> getConfigurationProperties();
}

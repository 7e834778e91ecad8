package org.eclipse.kura.configuration.metatype;

import java.util.List;

import org.eclipse.kura.configuration.ComponentConfiguration;
import org.osgi.annotation.versioning.ProviderType;

/** Kura's service listing the object class definitions of factories and service providers. */
@ProviderType
public interface OCDService {

    /**
     * @return the definitions of all tracked factory components
     */
    List<ComponentConfiguration> getFactoryComponentOCDs();

    /**
     * @param factoryPid a factory pid
     * @return its definition, or null
     */
    ComponentConfiguration getFactoryComponentOCD(String factoryPid);

    /**
     * @param classes service interfaces
     * @return the DS components that provide any of them (pid = component name; definition null when the
     *         configuration service knows no metatype for it)
     */
    List<ComponentConfiguration> getServiceProviderOCDs(Class<?>... classes);

    /**
     * @param classNames service interface names
     * @return as {@link #getServiceProviderOCDs(Class...)}
     */
    List<ComponentConfiguration> getServiceProviderOCDs(String... classNames);
}

package org.eclipse.kura.configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Filter;

/**
 * Kura's configuration service: reads and updates the configuration of {@link ConfigurableComponent}s through
 * ConfigAdmin and MetaType, creates and deletes factory component instances, and takes and restores snapshots
 * (Kura persists a snapshot on every change it makes and reapplies the latest one at start-up).
 *
 * <p>Provided by Kura; not meant to be implemented by applications (test doubles excepted).
 */
@ProviderType
public interface ConfigurationService {

    /** Property holding the persistent identity Kura assigns to a component instance. */
    String KURA_SERVICE_PID = "kura.service.pid";

    /**
     * @return the factory pids of the MetaType factories the service tracks
     */
    Set<String> getFactoryComponentPids();

    /**
     * Creates a component instance from a factory. The instance gets {@link #KURA_SERVICE_PID} = {@code pid}, the
     * defaults of its metatype and, merged over them, {@code properties} (whose own {@link #KURA_SERVICE_PID} is
     * ignored).
     *
     * @param factoryPid the factory (the DS component name)
     * @param pid the new instance's persistent identity
     * @param properties optional initial properties, may be null
     * @param takeSnapshot whether to take a snapshot afterwards
     * @throws KuraException if the pid is null or exists, or creation fails
     */
    void createFactoryConfiguration(String factoryPid, String pid, Map<String, Object> properties,
            boolean takeSnapshot) throws KuraException;

    /**
     * Deletes an instance created by {@link #createFactoryConfiguration(String, String, Map, boolean)}.
     *
     * @param pid the instance's persistent identity
     * @param takeSnapshot whether to take a snapshot afterwards
     * @throws KuraException if the pid is unknown or not a factory instance
     */
    void deleteFactoryConfiguration(String pid, boolean takeSnapshot) throws KuraException;

    /**
     * @return the pids of the registered configurable components
     */
    Set<String> getConfigurableComponentPids();

    /**
     * @return the configurations of all registered configurable components
     * @throws KuraException if they cannot be read
     */
    List<ComponentConfiguration> getComponentConfigurations() throws KuraException;

    /**
     * @param filter an OSGi filter on the components' service properties
     * @return the configurations of the registered configurable components that match
     * @throws KuraException if they cannot be read
     */
    List<ComponentConfiguration> getComponentConfigurations(Filter filter) throws KuraException;

    /**
     * @param pid a component's pid
     * @return its current configuration
     * @throws KuraException if it cannot be read
     */
    ComponentConfiguration getComponentConfiguration(String pid) throws KuraException;

    /**
     * @param pid a component's pid
     * @return its configuration made of its metatype defaults
     * @throws KuraException if it cannot be built
     */
    ComponentConfiguration getDefaultComponentConfiguration(String pid) throws KuraException;

    /**
     * Validates the properties against the component's metatype and applies them; Kura takes a snapshot.
     *
     * @param pid the component's pid
     * @param properties the new configuration
     * @throws KuraException if validation or the update fails
     */
    void updateConfiguration(String pid, Map<String, Object> properties) throws KuraException;

    /**
     * As {@link #updateConfiguration(String, Map)}, taking a snapshot only when asked to.
     *
     * @param pid the component's pid
     * @param properties the new configuration
     * @param takeSnapshot whether to take a snapshot afterwards
     * @throws KuraException if validation or the update fails
     */
    void updateConfiguration(String pid, Map<String, Object> properties, boolean takeSnapshot)
            throws KuraException;

    /**
     * Updates several components; Kura takes a snapshot.
     *
     * @param configs the new configurations
     * @throws KuraException if validation or an update fails
     */
    void updateConfigurations(List<ComponentConfiguration> configs) throws KuraException;

    /**
     * As {@link #updateConfigurations(List)}, taking a snapshot only when asked to.
     *
     * @param configs the new configurations
     * @param takeSnapshot whether to take a snapshot afterwards
     * @throws KuraException if validation or an update fails
     */
    void updateConfigurations(List<ComponentConfiguration> configs, boolean takeSnapshot) throws KuraException;

    /**
     * @return the ids (epoch milliseconds) of the stored snapshots
     * @throws KuraException if they cannot be listed
     */
    Set<Long> getSnapshots() throws KuraException;

    /**
     * @param sid a snapshot id
     * @return the component configurations stored in it
     * @throws KuraException if it cannot be loaded
     */
    List<ComponentConfiguration> getSnapshot(long sid) throws KuraException;

    /**
     * Takes a snapshot of the current configuration of all configurable components.
     *
     * @return its id (epoch milliseconds)
     * @throws KuraException if it cannot be taken
     */
    long snapshot() throws KuraException;

    /**
     * Rolls back to the latest snapshot.
     *
     * @return the id of the snapshot rolled back to
     * @throws KuraException if there is none or the rollback fails
     */
    long rollback() throws KuraException;

    /**
     * Rolls back to a given snapshot.
     *
     * @param id the snapshot id
     * @throws KuraException if it is not found or the rollback fails
     */
    void rollback(long id) throws KuraException;
}

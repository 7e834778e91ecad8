package org.eclipse.kura.configuration.metatype;

import org.osgi.annotation.versioning.ProviderType;

/** Associates a pid or factory pid with an {@link OCD}. */
@ProviderType
public interface Designate {

    /**
     * @return the object
     */
    TObject getObject();

    /**
     * @return the pid
     */
    String getPid();

    /**
     * @return the factory pid
     */
    String getFactoryPid();

    /**
     * @return the bundle location
     */
    String getBundle();

    /**
     * @return whether it is optional
     */
    boolean isOptional();

    /**
     * @return whether it is merged
     */
    boolean isMerge();
}

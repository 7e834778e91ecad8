package org.eclipse.kura.configuration.metatype;

import org.osgi.annotation.versioning.ProviderType;

/** One allowed value of an {@link AD}. */
@ProviderType
public interface Option {

    /**
     * @return the label shown
     */
    String getLabel();

    /**
     * @return the value, as text
     */
    String getValue();
}

package org.eclipse.kura.configuration.metatype;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** An object class definition: the attributes a component's configuration has. */
@ProviderType
public interface OCD {

    /**
     * @return the attribute definitions
     */
    List<AD> getAD();

    /**
     * @return the icons
     */
    List<Icon> getIcon();

    /**
     * @return the display name
     */
    String getName();

    /**
     * @return the description
     */
    String getDescription();

    /**
     * @return the id
     */
    String getId();
}

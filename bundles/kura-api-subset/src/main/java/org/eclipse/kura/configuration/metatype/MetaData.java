package org.eclipse.kura.configuration.metatype;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The content of a metatype resource. */
@ProviderType
public interface MetaData {

    /**
     * @return the object class definitions
     */
    List<OCD> getOCD();

    /**
     * @return the designates
     */
    List<Designate> getDesignate();

    /**
     * @return the localization base name
     */
    String getLocalization();
}

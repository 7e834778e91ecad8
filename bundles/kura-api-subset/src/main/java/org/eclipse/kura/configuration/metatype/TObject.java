package org.eclipse.kura.configuration.metatype;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The object of a {@link Designate}: attribute values for an {@link OCD}. */
@ProviderType
public interface TObject {

    /**
     * @return the attribute values
     */
    List<Attribute> getAttribute();

    /**
     * @return the id of the {@link OCD} it refers to
     */
    String getOcdref();
}

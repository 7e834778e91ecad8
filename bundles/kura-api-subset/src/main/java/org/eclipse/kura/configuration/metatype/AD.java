package org.eclipse.kura.configuration.metatype;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** An attribute definition of an {@link OCD}. */
@ProviderType
public interface AD {

    /**
     * @return the allowed values, if restricted
     */
    List<Option> getOption();

    /**
     * @return the display name
     */
    String getName();

    /**
     * @return the description
     */
    String getDescription();

    /**
     * @return the attribute id (the configuration property name)
     */
    String getId();

    /**
     * @return the value type
     */
    Scalar getType();

    /**
     * @return the cardinality (0 for a single value)
     */
    int getCardinality();

    /**
     * @return the minimum, as text
     */
    String getMin();

    /**
     * @return the maximum, as text
     */
    String getMax();

    /**
     * @return the default, as text
     */
    String getDefault();

    /**
     * @return whether a value is required
     */
    boolean isRequired();
}

package org.eclipse.kura.type;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A value together with its {@link DataType}, as carried by wire records.
 *
 * @param <T> the Java type of the value
 */
@ProviderType
public interface TypedValue<T> extends Comparable<TypedValue<T>> {

    /**
     * @return the data type
     */
    DataType getType();

    /**
     * @return the value
     */
    T getValue();
}

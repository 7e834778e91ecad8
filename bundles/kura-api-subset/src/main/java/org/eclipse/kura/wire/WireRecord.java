package org.eclipse.kura.wire;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.eclipse.kura.type.TypedValue;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One record of a {@link WireEnvelope}: named {@link TypedValue}s.
 *
 * <p>As in Kura, {@link #getProperties()} is a read-only view of the map given at construction, not a copy: do not
 * change that map afterwards.
 */
@Immutable
@ThreadSafe
@ProviderType
public class WireRecord {

    private final Map<String, TypedValue<?>> properties;

    /**
     * @param properties the properties
     * @throws NullPointerException if {@code properties} is null
     */
    public WireRecord(final Map<String, TypedValue<?>> properties) {
        Objects.requireNonNull(properties, "Properties cannot be null");
        this.properties = Collections.unmodifiableMap(properties);
    }

    /**
     * @return the properties, read-only
     */
    public Map<String, TypedValue<?>> getProperties() {
        return this.properties;
    }
}

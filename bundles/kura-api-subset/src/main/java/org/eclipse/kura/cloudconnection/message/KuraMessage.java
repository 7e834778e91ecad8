package org.eclipse.kura.cloudconnection.message;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.kura.message.KuraPayload;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A payload with properties that tell a cloud connection how to handle it (e.g. the topic parts of a request).
 *
 * <p>The properties are a mutable copy of the map given at construction.
 */
@ProviderType
public class KuraMessage {

    private final Map<String, Object> properties;
    private final KuraPayload payload;

    /**
     * @param payload the payload
     */
    public KuraMessage(KuraPayload payload) {
        this(payload, new HashMap<>());
    }

    /**
     * @param payload the payload
     * @param properties the properties, copied
     */
    public KuraMessage(KuraPayload payload, Map<String, Object> properties) {
        this.payload = payload;
        this.properties = new HashMap<>(properties);
    }

    /**
     * @return the properties (the message's own, mutable map)
     */
    public Map<String, Object> getProperties() {
        return this.properties;
    }

    /**
     * @return the payload
     */
    public KuraPayload getPayload() {
        return this.payload;
    }
}

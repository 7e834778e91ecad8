package org.eclipse.kura.cloudconnection.request;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.kura.cloudconnection.publisher.CloudNotificationPublisher;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The context of a request: the publisher for notifications about it and properties of the cloud connection it came
 * through (keys as in {@link RequestHandlerContextConstants}).
 */
@ProviderType
public class RequestHandlerContext {

    private final CloudNotificationPublisher notificationPublisher;
    private final Map<String, String> contextProperties;

    /**
     * @param notificationPublisher the notification publisher
     * @param contextProperties the context properties, copied (not null)
     */
    public RequestHandlerContext(CloudNotificationPublisher notificationPublisher,
            Map<String, String> contextProperties) {
        this.notificationPublisher = notificationPublisher;
        this.contextProperties = new HashMap<>(contextProperties);
    }

    /**
     * @return the notification publisher
     */
    public CloudNotificationPublisher getNotificationPublisher() {
        return this.notificationPublisher;
    }

    /**
     * @return the context properties, read-only
     */
    public Map<String, String> getContextProperties() {
        return Collections.unmodifiableMap(this.contextProperties);
    }
}

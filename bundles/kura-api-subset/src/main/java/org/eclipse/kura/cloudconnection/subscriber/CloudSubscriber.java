package org.eclipse.kura.cloudconnection.subscriber;

import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Delivers the messages of a cloud subscription to its listeners. Components select one with a
 * {@code CloudSubscriber.target} reference property.
 */
@ProviderType
public interface CloudSubscriber {

    /**
     * @param listener a listener to add
     */
    void registerCloudSubscriberListener(CloudSubscriberListener listener);

    /**
     * @param listener a listener to remove
     */
    void unregisterCloudSubscriberListener(CloudSubscriberListener listener);

    /**
     * @param cloudConnectionListener a listener to add
     */
    void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    /**
     * @param cloudConnectionListener a listener to remove
     */
    void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);
}

package org.eclipse.kura.cloudconnection.publisher;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes application messages through a cloud connection. Components select one with a
 * {@code CloudPublisher.target} reference property.
 */
@ProviderType
public interface CloudPublisher {

    /**
     * @param message the message
     * @return an id of the message when delivery is confirmed later, or null
     * @throws KuraException if it cannot be published
     */
    String publish(KuraMessage message) throws KuraException;

    /**
     * @param cloudConnectionListener a listener to add
     */
    void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    /**
     * @param cloudConnectionListener a listener to remove
     */
    void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    /**
     * @param cloudDeliveryListener a listener to add
     */
    void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);

    /**
     * @param cloudDeliveryListener a listener to remove
     */
    void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);
}

package org.eclipse.kura.cloudconnection;

import java.util.Collections;
import java.util.Map;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.osgi.annotation.versioning.ProviderType;

/** The endpoint of a cloud connection stack, used by its publishers and subscribers. */
@ProviderType
public interface CloudEndpoint {

    /**
     * @param message the message, with the endpoint-specific properties that say where it goes
     * @return an id of the message when delivery is confirmed later, or null
     * @throws KuraException if it cannot be published
     */
    String publish(KuraMessage message) throws KuraException;

    /**
     * @param subscriptionProperties endpoint-specific properties that say what to subscribe to
     * @param cloudSubscriberListener the listener receiving the messages
     */
    void registerSubscriber(Map<String, Object> subscriptionProperties,
            CloudSubscriberListener cloudSubscriberListener);

    /**
     * @param cloudSubscriberListener a listener registered with {@link #registerSubscriber(Map,
     *            CloudSubscriberListener)}
     */
    void unregisterSubscriber(CloudSubscriberListener cloudSubscriberListener);

    /**
     * @return information about the endpoint; empty unless an implementation says more
     */
    default Map<String, String> getInfo() {
        return Collections.emptyMap();
    }

    /**
     * @param cloudDeliveryListener a listener to add
     */
    void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);

    /**
     * @param cloudDeliveryListener a listener to remove
     */
    void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);
}

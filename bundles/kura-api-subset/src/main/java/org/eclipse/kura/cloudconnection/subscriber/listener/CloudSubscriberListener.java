package org.eclipse.kura.cloudconnection.subscriber.listener;

import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of a cloud subscription. */
@ConsumerType
@FunctionalInterface
public interface CloudSubscriberListener {

    /**
     * @param message a message that arrived
     */
    void onMessageArrived(KuraMessage message);
}

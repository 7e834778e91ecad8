package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/** Notified when the delivery of a published message is confirmed. */
@ConsumerType
public interface CloudDeliveryListener {

    /**
     * @param messageId the id that publishing returned
     */
    void onMessageConfirmed(String messageId);
}

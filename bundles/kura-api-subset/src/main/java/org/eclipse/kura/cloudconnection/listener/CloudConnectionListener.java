package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/** Notified of changes of a cloud connection's state. */
@ConsumerType
public interface CloudConnectionListener {

    /** The connection was closed on request. */
    void onDisconnected();

    /** The connection was lost. */
    void onConnectionLost();

    /** The connection was established. */
    void onConnectionEstablished();
}

package org.eclipse.kura.cloudconnection;

import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraDisconnectException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.osgi.annotation.versioning.ProviderType;

/** Controls the connection of a cloud endpoint that keeps one. */
@ProviderType
public interface CloudConnectionManager {

    /**
     * Connects.
     *
     * @throws KuraConnectException if the connection fails
     */
    void connect() throws KuraConnectException;

    /**
     * Disconnects.
     *
     * @throws KuraDisconnectException if disconnecting fails
     */
    void disconnect() throws KuraDisconnectException;

    /**
     * @return whether it is connected
     */
    boolean isConnected();

    /**
     * @param cloudConnectionListener a listener to add
     */
    void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    /**
     * @param cloudConnectionListener a listener to remove
     */
    void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);
}

package org.leantta.kura.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;

/** Delivers messages to its listeners, as a subscription of a cloud connection does. */
public final class FakeSubscriber implements CloudSubscriber {
    private final List<CloudSubscriberListener> listeners = new CopyOnWriteArrayList<>();

    /** Hands a message to every listener on the caller's thread. */
    public void deliver(KuraMessage message) {
        listeners.forEach(l -> l.onMessageArrived(message));
    }

    /** How many listeners are registered. */
    public int listeners() {
        return listeners.size();
    }

    @Override
    public void registerCloudSubscriberListener(CloudSubscriberListener listener) {
        listeners.add(listener);
    }

    @Override
    public void unregisterCloudSubscriberListener(CloudSubscriberListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener listener) {
        // connection events are not simulated
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        // connection events are not simulated
    }
}

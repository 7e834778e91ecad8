package org.leantta.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by whoever reports the gateway's events (the MQTT bridge publishes them on its events
 * topic); the model calls every registered listener as things happen. Called on the thread where the event
 * happened, often the inference thread: an implementation must return at once and never throw.
 */
@ConsumerType
public interface AdaptationListener {
    void event(AdaptationEvent event);
}

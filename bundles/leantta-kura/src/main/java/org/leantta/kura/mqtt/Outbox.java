package org.leantta.kura.mqtt;

/** Where the worker publishes; the MQTT connection, or a recorder in tests. */
@FunctionalInterface
interface Outbox {
    /**
     * Publishes one message.
     *
     * @return false if it could not be delivered to the client (counted and logged by the caller)
     */
    boolean publish(String topic, byte[] payload);
}

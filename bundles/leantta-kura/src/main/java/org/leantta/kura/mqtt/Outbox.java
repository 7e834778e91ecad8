package org.leantta.kura.mqtt;

/** Where held answers are published: the MQTT connection, or a recorder in tests. Never blocks on the network. */
interface Outbox {
    /** What became of one publication. */
    enum Result {
        /** Handed to the MQTT client, which delivers it (and, with QoS 1 or 2, redelivers after a reconnection). */
        SENT,
        /** Not now (not connected, or the in-flight window is full): try again after {@link #awaitChange}. */
        RETRY,
        /** Never: the client refused the message itself (logged). */
        REFUSED
    }

    Result publish(String topic, byte[] payload);

    boolean connected();

    /** Waits up to the timeout for something that may let a {@link Result#RETRY} succeed. */
    void awaitChange(long timeoutMs) throws InterruptedException;
}

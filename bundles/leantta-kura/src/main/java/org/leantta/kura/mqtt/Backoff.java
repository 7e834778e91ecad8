package org.leantta.kura.mqtt;

import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Delays between connection attempts. A broker that cannot be reached is tried again at most every 2 s, so the
 * bridge is back within about 2 s of the broker's return (an attempt on a closed port costs one refused TCP
 * connection). A broker that answers and refuses us (credentials, authorization, TLS) is tried less and less
 * often, up to once a minute: retrying cannot help until the configuration changes, and a change reconnects at
 * once.
 */
final class Backoff {
    static final long FIRST_MS = 500;
    static final long UNREACHABLE_MAX_MS = 2_000;
    static final long REFUSED_MAX_MS = 60_000;
    private long last;

    /** The delay before the next attempt; {@code refused}: the broker answered and refused, or TLS failed. */
    synchronized long next(boolean refused) {
        long max = refused ? REFUSED_MAX_MS : UNREACHABLE_MAX_MS;
        last = last == 0 ? FIRST_MS : Math.min(last * 2, max);
        return last;
    }

    synchronized void reset() {
        last = 0;
    }

    /** Whether the failure says the broker refused us (or the TLS handshake failed), not that it is away. */
    static boolean refusedByBroker(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
            if (t instanceof MqttException m) {
                int code = m.getReasonCode();
                if (code == MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION
                        || code == MqttException.REASON_CODE_INVALID_CLIENT_ID
                        || code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || code == MqttException.REASON_CODE_NOT_AUTHORIZED
                        || code == MqttException.REASON_CODE_SSL_CONFIG_ERROR) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.leantta.kura.mqtt;

import java.util.Map;
import org.leantta.api.Encoding;

/** What the MQTT callback hands to the worker: a decoded sample, a command, or a rejected input. */
public sealed interface Item {
    /** A sensor sample and the size of the message it came in. */
    record Sample(String sensor, String id, long ts, float[] values, Encoding encoding, int payloadBytes)
            implements Item {
        /** A sample as a raw binary message of its values would carry it. */
        Sample(String sensor, String id, long ts, float[] values, Encoding encoding) {
            this(sensor, id, ts, values, encoding, values.length * (encoding == Encoding.UINT8 ? 1 : Float.BYTES));
        }
    }

    /**
     * An operator command with its (possibly empty) JSON body; {@code bodyError} says why the body could not be
     * read (then the body is empty), null when it could; {@code group}: the fleet group it was sent to, null when
     * it was sent to this device.
     */
    record Command(String command, String requestId, Map<String, Object> body, String bodyError, String group)
            implements Item {
        public Command(String command, String requestId, Map<String, Object> body, String bodyError) {
            this(command, requestId, body, bodyError, null);
        }

        Command(String command, String requestId, Map<String, Object> body) {
            this(command, requestId, body, null);
        }

        /** The same command, sent to a fleet group. */
        Command inGroup(String fleetGroup) {
            return new Command(command, requestId, body, bodyError, fleetGroup);
        }
    }

    /** An input that cannot be processed, with the reason; reported on the errors topic. */
    record Rejected(String topic, String sensor, String id, String reason, int payloadBytes) implements Item {
    }
}

package org.leantta.kura.mqtt;

import java.util.Map;

/**
 * Where the pipeline's answers go: the MQTT topics of the bridge ({@link MqttSink}) or Kura's cloud connection.
 * Every method returns false when the answer could not be handed over (counted by the caller).
 */
public interface Sink {
    /** A prediction for a sensor's sample. */
    boolean prediction(String sensor, Map<String, Object> prediction);

    /** A rejected input, a dropped sample or a refused command, with the reason. */
    boolean error(Map<String, Object> report);

    /** The reply to a command. */
    boolean reply(String requestId, Map<String, Object> reply);

    /** Where a sensor's samples come from, named in error reports (an MQTT topic, or the cloud front). */
    String sampleOrigin(String sensor);

    /** Where a command comes from, named in error reports. */
    String commandOrigin(String command);
}

package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leantta.api.AdaptationEvent;

/**
 * Where the pipeline's answers go: the MQTT topics of the bridge ({@link MqttSink}) or Kura's cloud connection.
 * Every method returns false when the answer could not be handed over (counted by the caller).
 */
public interface Sink {
    /**
     * What both fronts publish of a model's event: event, device (when the front names one), source, sensor,
     * detail, ts.
     */
    static Map<String, Object> eventReport(AdaptationEvent e, String device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.kind());
        if (device != null) {
            m.put("device", device);
        }
        m.put("source", e.source());
        m.put("sensor", e.stream());
        m.put("detail", e.detail());
        m.put("ts", e.timestamp());
        return m;
    }

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

    /** Where this command comes from (a fleet group's topic for a group command), named in error reports. */
    default String commandOrigin(Item.Command c) {
        return commandOrigin(c.command());
    }

    /**
     * Why answers about this sensor cannot be delivered (e.g. their topic would be illegal), or null; a sample of
     * such a sensor is rejected with this reason instead of answered.
     */
    default String refusal(String sensor) {
        return null;
    }

    /**
     * A prediction and its receipt, which the sink completes once the prediction was handed over (or dropped);
     * false, with the receipt untouched, if it could not be taken at all. Sinks that hand over at once keep this.
     */
    default boolean prediction(String sensor, Map<String, Object> prediction, Receipt receipt) {
        if (!prediction(sensor, prediction)) {
            return false;
        }
        receipt.delivered();
        return true;
    }
}

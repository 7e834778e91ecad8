package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.leantta.api.AdaptationEvent;
import org.leantta.core.json.Json;

/**
 * The bridge's answers as JSON on the device's topics, held in the backlog until the forwarder hands them to the
 * MQTT client; a prediction's receipt completes then (or when the backlog drops it).
 */
record MqttSink(Topics topics, Backlog backlog) implements Sink {
    @Override
    public boolean prediction(String sensor, Map<String, Object> prediction) {
        return prediction(sensor, prediction, Receipt.NONE);
    }

    @Override
    public boolean prediction(String sensor, Map<String, Object> prediction, Receipt receipt) {
        return hold(Backlog.Kind.PREDICTION, topics.prediction(sensor), prediction, receipt);
    }

    @Override
    public boolean error(Map<String, Object> report) {
        return hold(Backlog.Kind.ERROR, topics.errors(), report, Receipt.NONE);
    }

    /** The reply, with this gateway's device id (a group command is answered by each member). */
    @Override
    public boolean reply(String requestId, Map<String, Object> reply) {
        Map<String, Object> m = new LinkedHashMap<>(reply);
        m.put("device", topics.device());
        return hold(Backlog.Kind.REPLY, topics.reply(requestId), m, Receipt.NONE);
    }

    /** An event of the gateway on its events topic, with the device id. */
    boolean event(AdaptationEvent event) {
        return hold(Backlog.Kind.EVENT, topics.events(), Sink.eventReport(event, topics.device()), Receipt.NONE);
    }

    @Override
    public String sampleOrigin(String sensor) {
        return topics.sensor(sensor);
    }

    @Override
    public String commandOrigin(String command) {
        return topics.command(command);
    }

    @Override
    public String commandOrigin(Item.Command c) {
        return c.group() == null ? commandOrigin(c.command()) : topics.groupCommand(c.group(), c.command());
    }

    @Override
    public String refusal(String sensor) {
        String problem = Topics.problem(topics.prediction(sensor));
        return problem == null ? null : "cannot publish a prediction for this sensor: its predictions topic " + problem;
    }

    private boolean hold(Backlog.Kind kind, String topic, Map<String, Object> message, Receipt receipt) {
        byte[] payload = Json.compact(message).getBytes(StandardCharsets.UTF_8);
        backlog.add(new Backlog.Message(kind, topic, payload, receipt));
        return true;
    }
}

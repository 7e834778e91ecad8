package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.leantta.core.json.Json;

/** The bridge's answers as JSON on the device's topics. */
record MqttSink(Topics topics, Outbox outbox) implements Sink {
    @Override
    public boolean prediction(String sensor, Map<String, Object> prediction) {
        return send(topics.prediction(sensor), prediction);
    }

    @Override
    public boolean error(Map<String, Object> report) {
        return send(topics.errors(), report);
    }

    @Override
    public boolean reply(String requestId, Map<String, Object> reply) {
        return send(topics.reply(requestId), reply);
    }

    @Override
    public String sampleOrigin(String sensor) {
        return topics.sensor(sensor);
    }

    @Override
    public String commandOrigin(String command) {
        return topics.command(command);
    }

    private boolean send(String topic, Map<String, Object> message) {
        return outbox.publish(topic, Json.compact(message).getBytes(StandardCharsets.UTF_8));
    }
}

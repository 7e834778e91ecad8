package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leantta.core.json.Json;

/**
 * Whether the gateway is online, as a retained message on its events topic: "online" once connected, "offline"
 * when it stops, and "offline" as its MQTT last will, which the broker publishes when the connection is lost
 * without a goodbye.
 */
record Presence(String topic, String device, List<String> groups) {
    static Presence of(Topics topics) {
        return new Presence(topics.events(), topics.device(), topics.groups());
    }

    byte[] online() {
        return message("online", "connected");
    }

    byte[] stopped() {
        return message("offline", "stopped");
    }

    /** The last will: fixed when connecting, so its time is the connection's. */
    byte[] lost() {
        return message("offline", "connection lost (last will published by the broker)");
    }

    private byte[] message(String event, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("device", device);
        m.put("groups", groups);
        m.put("detail", detail);
        m.put("ts", System.currentTimeMillis());
        return Json.compact(m).getBytes(StandardCharsets.UTF_8);
    }
}

package org.leantta.kura.mqtt;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A failure as one line that names its root cause. Paho wraps socket and TLS failures in an MqttException whose
 * own message is only "MqttException": the reason is in the causes (e.g. "PKIX path building failed").
 */
final class Causes {
    private static final int MAX_DEPTH = 8;

    private Causes() {
    }

    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            boolean repeated = !message.isEmpty() && messages.stream().anyMatch(m -> m.contains(message));
            if (!repeated) {
                parts.add(part(t, message));
                messages.add(message);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return String.join(": ", parts);
    }

    private static String part(Throwable t, String message) {
        if (t instanceof MqttException m) {
            String text = message.isEmpty() || message.equals("MqttException") ? "MQTT client error" : message;
            return text + " (reason code " + m.getReasonCode() + ")";
        }
        String name = t.getClass().getSimpleName();
        return message.isBlank() ? name : name + " " + message;
    }
}

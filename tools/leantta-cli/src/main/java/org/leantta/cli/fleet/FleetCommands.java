package org.leantta.cli.fleet;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.leantta.core.json.Json;

/** Commands from the monitor to one gateway or to a fleet group, each with a fresh requestId. */
public final class FleetCommands {
    static final List<String> COMMANDS = List.of("reset", "enable", "disable", "status");
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9._-]+");

    /** Publishes one MQTT message. */
    @FunctionalInterface
    public interface Publisher {
        void publish(String topic, byte[] payload) throws Exception;
    }

    private final String prefix;
    private final String token;
    private final Publisher publisher;
    private final FleetView view;
    private final AtomicLong ids = new AtomicLong();
    private final String session = Long.toString(System.currentTimeMillis(), 36);

    /** {@code token}: the gateways' commands.token, put in every command's body; empty for none. */
    public FleetCommands(String prefix, String token, Publisher publisher, FleetView view) {
        this.prefix = prefix;
        this.token = token;
        this.publisher = publisher;
        this.view = view;
    }

    /** Sends {@code command} to a device or a group; returns its requestId. */
    public String send(String scope, String target, String command) throws Exception {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("command must be one of " + COMMANDS + ", got " + command);
        }
        if (!LEVEL.matcher(target).matches()) {
            throw new IllegalArgumentException("target must be a device id or group name (letters, digits, "
                    + "'-', '_', '.'), got " + target);
        }
        String topic = switch (scope) {
            case "device" -> prefix + "/" + target + "/commands/" + command;
            case "group" -> prefix + "/fleet/" + target + "/commands/" + command;
            default -> throw new IllegalArgumentException("scope must be device or group, got " + scope);
        };
        String requestId = "monitor-" + session + "-" + ids.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        if (!token.isEmpty()) {
            body.put("token", token);
        }
        // recorded first: a reply may come back before publish returns
        view.sent(requestId, scope, target, command);
        try {
            publisher.publish(topic, Json.compact(body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            view.forget(requestId);
            throw e;
        }
        return requestId;
    }
}

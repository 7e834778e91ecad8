package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.leantta.api.AdaptationControl;

/** Executes operator commands and builds their replies. */
public final class Commands {
    static final List<String> NAMES = List.of("reset", "enable", "disable", "rollback", "status", "configuration");
    private final AdaptationControl control;
    private final Supplier<Map<String, Object>> bridgeStatus;
    private volatile CommandGuard guard = CommandGuard.OPEN;

    public Commands(AdaptationControl control, Supplier<Map<String, Object>> bridgeStatus) {
        this.control = control;
        this.bridgeStatus = bridgeStatus;
    }

    /** Who may command from now on (the front's configuration). */
    public void guard(CommandGuard next) {
        guard = next;
    }

    /** Whether a token is needed (never its value) and which requesters may command, for status. */
    public Map<String, Object> describeGuard() {
        return guard.describe();
    }

    /** Whether {@code requester} (null when unknown) may send this command: the token and the requesters. */
    boolean permits(Item.Command c, String requester) {
        return guard.refusal(c, requester) == null;
    }

    /**
     * Runs a command if {@code requester} (null when unknown) may; the reply always has requestId, command, status
     * (200, 400, 403 or 500; 409 for a reused group requestId, from the pipeline) and message.
     */
    Map<String, Object> execute(Item.Command c, String requestId, String requester) {
        String refusal = guard.refusal(c, requester);
        if (refusal != null) {
            return reply(c, requestId, 403, refusal);
        }
        if (c.bodyError() != null) {
            return reply(c, requestId, 400, "command body must be empty or a JSON object: " + c.bodyError());
        }
        try {
            return switch (c.command()) {
                case "reset" -> {
                    control.reset();
                    yield reply(c, requestId, 200, "source statistics restored, adaptation state cleared");
                }
                case "enable", "disable" -> {
                    control.setEnabled(c.command().equals("enable"));
                    yield reply(c, requestId, 200, "adaptation " + c.command() + "d");
                }
                case "rollback" -> control.rollback()
                        ? reply(c, requestId, 200, "previous configuration restored")
                        : reply(c, requestId, 400, "no previous configuration to roll back to");
                case "configuration" -> {
                    Map<String, Object> r = reply(c, requestId, 200, "ok");
                    r.put("configuration", control.status().get("configuration"));
                    yield r;
                }
                case "status" -> {
                    Map<String, Object> r = reply(c, requestId, 200, "ok");
                    r.putAll(control.status());
                    r.putAll(bridgeStatus.get());
                    yield r;
                }
                default -> reply(c, requestId, 400, "unknown command '" + c.command() + "': expected one of "
                        + String.join(", ", NAMES));
            };
        } catch (RuntimeException e) {
            return reply(c, requestId, 500, c.command() + " failed: " + e.getMessage());
        }
    }

    private static Map<String, Object> reply(Item.Command c, String requestId, int status, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requestId", requestId);
        r.put("command", c.command());
        r.put("status", status);
        r.put("message", message);
        return r;
    }
}

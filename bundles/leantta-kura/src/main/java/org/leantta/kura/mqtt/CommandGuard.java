package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leantta.core.json.Json;

/**
 * Who may command the gateway, checked on every command of both fronts: a shared token that each command body
 * carries as {@code "token"} (empty: no token needed), and the requester client ids a Kura request may name
 * (empty: any). The token is never shown: not in refusals, status or {@link #toString()}.
 */
public final class CommandGuard {
    /** Anyone may command. */
    public static final CommandGuard OPEN = new CommandGuard("", Set.of(), null);
    static final String NOT_AUTHORIZED = "not authorized: ";
    private static final int SHOWN_REQUESTER_CHARS = 64;

    private final byte[] token;
    private final Set<String> allowedRequesters;
    /** Why every command is refused (a token that cannot be read); null when commands are checked. */
    private final String closed;

    private CommandGuard(String token, Set<String> allowedRequesters, String closed) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.allowedRequesters = Set.copyOf(allowedRequesters);
        this.closed = closed;
    }

    /**
     * @param token             the shared token, already decrypted; empty for none
     * @param allowedRequesters requester client ids separated by commas; empty for any
     */
    public static CommandGuard of(String token, String allowedRequesters) {
        Set<String> ids = Arrays.stream(allowedRequesters.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new CommandGuard(token, ids, null);
    }

    /** Refuses every command, saying why: a configured token that cannot be read must not open the door. */
    public static CommandGuard refusingAll(String why) {
        return new CommandGuard("", Set.of(), why);
    }

    /**
     * Why the command may not run, or null if it may.
     *
     * @param requester the client id a Kura request names ({@code requester.client.id}); null when unknown (MQTT)
     */
    String refusal(Item.Command c, String requester) {
        if (closed != null) {
            return NOT_AUTHORIZED + closed;
        }
        if (token.length > 0) {
            Object given = c.body().get("token");
            if (!(given instanceof String s)) {
                return NOT_AUTHORIZED + "this gateway requires a command token: put \"token\" in the command body";
            }
            // constant time: the comparison must not tell how much of a guess was right
            if (!MessageDigest.isEqual(token, s.getBytes(StandardCharsets.UTF_8))) {
                return NOT_AUTHORIZED + "wrong command token";
            }
        }
        if (!allowedRequesters.isEmpty() && (requester == null || !allowedRequesters.contains(requester))) {
            return NOT_AUTHORIZED + (requester == null ? "the request names no requester.client.id"
                    : "requester " + shown(requester) + " is not in commands.allowed.requesters");
        }
        return null;
    }

    private static String shown(String requester) {
        String s = requester.length() <= SHOWN_REQUESTER_CHARS ? requester
                : requester.substring(0, SHOWN_REQUESTER_CHARS) + "...";
        return Json.compact(s);
    }

    /** For status replies: whether a token is set (never its value) and the allowed requesters. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commands.token", closed != null ? "(unreadable: every command is refused)"
                : token.length == 0 ? "" : "(set)");
        m.put("commands.allowed.requesters", allowedRequesters.stream().sorted().toList());
        return m;
    }

    @Override
    public String toString() {
        return "CommandGuard" + describe();
    }
}

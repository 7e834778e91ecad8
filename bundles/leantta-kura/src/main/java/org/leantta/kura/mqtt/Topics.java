package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The topic tree of one device, {prefix}/{device}/{sensors|predictions|errors|commands|replies|events}/..., and the
 * commands of its fleet groups, {prefix}/fleet/{group}/commands/{command}.
 */
record Topics(String prefix, String device, List<String> groups) {
    static final int MAX_TOPIC_BYTES = 65_535;
    /** The level after the prefix under which group commands travel (no device may be called so). */
    static final String FLEET = "fleet";

    Topics {
        groups = List.copyOf(groups);
    }

    Topics(String prefix, String device) {
        this(prefix, device, List.of());
    }

    private String base() {
        return prefix + "/" + device + "/";
    }

    String sensorsFilter() {
        return base() + "sensors/+";
    }

    String commandsFilter() {
        return base() + "commands/+";
    }

    /** The device's own commands and those of each of its groups. */
    String[] controlFilters() {
        String[] filters = new String[1 + groups.size()];
        filters[0] = commandsFilter();
        for (int i = 0; i < groups.size(); i++) {
            filters[i + 1] = groupBase(groups.get(i)) + "+";
        }
        return filters;
    }

    private String groupBase(String group) {
        return prefix + "/" + FLEET + "/" + group + "/commands/";
    }

    String groupCommand(String group, String command) {
        return groupBase(group) + command;
    }

    /** Retained online/offline state and one message per event of the gateway. */
    String events() {
        return base() + "events";
    }

    String sensor(String sensor) {
        return base() + "sensors/" + sensor;
    }

    String prediction(String sensor) {
        return base() + "predictions/" + sensor;
    }

    String command(String command) {
        return base() + "commands/" + command;
    }

    String errors() {
        return base() + "errors";
    }

    String reply(String requestId) {
        return base() + "replies/" + requestId;
    }

    /** The sensor of a sensors topic, or null. */
    String sensorOf(String topic) {
        return lastLevel(topic, "sensors/");
    }

    /** The command of a commands topic, or null. */
    String commandOf(String topic) {
        return lastLevel(topic, "commands/");
    }

    /** A command to a fleet group, {prefix}/fleet/{group}/commands/{command}; whether this device is a member. */
    record GroupCommand(String group, String command, boolean member) {
    }

    /** The group command of a topic, or null if it is not one. */
    GroupCommand groupCommand(String topic) {
        String head = prefix + "/" + FLEET + "/";
        if (!topic.startsWith(head)) {
            return null;
        }
        String[] rest = topic.substring(head.length()).split("/", -1);
        if (rest.length != 3 || !rest[1].equals("commands") || rest[0].isEmpty() || rest[2].isEmpty()) {
            return null;
        }
        return new GroupCommand(rest[0], rest[2], groups.contains(rest[0]));
    }

    /** The group of a group command topic of one of this device's groups, or null. */
    String groupOf(String topic) {
        GroupCommand c = groupCommand(topic);
        return c != null && c.member() ? c.group() : null;
    }

    /** The command of a group command topic of one of this device's groups, or null. */
    String groupCommandOf(String topic) {
        GroupCommand c = groupCommand(topic);
        return c != null && c.member() ? c.command() : null;
    }

    private String lastLevel(String topic, String kind) {
        return levelAfter(topic, base() + kind);
    }

    private static String levelAfter(String topic, String head) {
        if (!topic.startsWith(head)) {
            return null;
        }
        String level = topic.substring(head.length());
        return level.isEmpty() || level.contains("/") ? null : level;
    }

    /**
     * Why a topic cannot be published, or null: longer than MQTT's 65,535 bytes of UTF-8, a wildcard, an empty
     * level, or a character the MQTT client refuses to encode (control characters, and Paho 1.2.5 also refuses
     * surrogate pairs and everything from U+FDD0 up).
     */
    static String problem(String topic) {
        int bytes = topic.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TOPIC_BYTES) {
            return "would be " + bytes + " bytes of UTF-8, over MQTT's limit of " + MAX_TOPIC_BYTES;
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return "would contain a wildcard (+ or #)";
        }
        if (topic.isEmpty() || topic.startsWith("/") || topic.endsWith("/") || topic.contains("//")) {
            return "would have an empty level";
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c >= 0xFDD0) {
                return String.format("would contain U+%04X, which the MQTT client cannot encode", (int) c);
            }
        }
        return null;
    }
}

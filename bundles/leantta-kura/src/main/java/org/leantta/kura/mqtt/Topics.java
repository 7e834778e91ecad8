package org.leantta.kura.mqtt;

/** The topic tree of one device: {prefix}/{device}/{sensors|predictions|errors|commands|replies}/... */
record Topics(String prefix, String device) {
    private String base() {
        return prefix + "/" + device + "/";
    }

    String sensorsFilter() {
        return base() + "sensors/+";
    }

    String commandsFilter() {
        return base() + "commands/+";
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

    private String lastLevel(String topic, String kind) {
        String head = base() + kind;
        if (!topic.startsWith(head)) {
            return null;
        }
        String level = topic.substring(head.length());
        return level.isEmpty() || level.contains("/") ? null : level;
    }
}

package org.leantta.cli.fleet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.leantta.core.json.Json;

/**
 * What the monitor knows of a fleet, built from the gateways' MQTT traffic under one topic prefix: per gateway its
 * online state, groups, events, errors and the end-to-end lag of its predictions; per sensor the shift score over
 * time, the out-of-distribution rate, adapted vs unadapted agreement (where the gateway reports the unadapted
 * answer), latency; and the commands sent from the monitor with every reply. Thread-safe.
 */
public final class FleetView {
    static final int EVENTS = 20;
    static final int REQUESTS = 20;
    static final int WINDOW_S = 120;
    private final String prefix;
    private final LongSupplier clock;
    private final Map<String, GatewayState> gateways = new TreeMap<>();
    private final Deque<Request> requests = new ArrayDeque<>();
    private long messages;
    private long unreadable;

    public FleetView(String prefix, LongSupplier clock) {
        this.prefix = prefix;
        this.clock = clock;
    }

    /** The MQTT subscriptions that feed this view. */
    public String[] subscriptions() {
        return new String[] {prefix + "/+/predictions/+", prefix + "/+/events", prefix + "/+/replies/+",
            prefix + "/+/errors"};
    }

    /** One message from the broker. */
    public synchronized void accept(String topic, byte[] payload) {
        messages++;
        if (!topic.startsWith(prefix + "/")) {
            return;
        }
        String[] levels = topic.substring(prefix.length() + 1).split("/");
        Map<String, Object> body;
        try {
            body = Json.parseObject(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            unreadable++;
            return;
        }
        long now = clock.getAsLong();
        GatewayState g = gateways.computeIfAbsent(levels[0], GatewayState::new);
        g.lastSeen = now;
        String kind = levels.length >= 2 ? levels[1] : "";
        String name = levels.length == 3 ? levels[2] : null;
        if (kind.equals("predictions") && name != null) {
            g.sensor(name).predicted(body, now, g);
        } else if (kind.equals("replies") && name != null) {
            replied(name, levels[0], body, now);
        } else if (kind.equals("events") && levels.length == 2) {
            g.event(body);
        } else if (kind.equals("errors") && levels.length == 2) {
            g.error(body);
        } else {
            unreadable++;
        }
    }

    /** Records a command the monitor sent, to collect its replies. */
    public synchronized void sent(String requestId, String scope, String target, String command) {
        requests.addFirst(new Request(requestId, scope, target, command, clock.getAsLong()));
        while (requests.size() > REQUESTS) {
            requests.removeLast();
        }
    }

    /** Forgets a command that could not be sent. */
    public synchronized void forget(String requestId) {
        requests.removeIf(r -> r.requestId.equals(requestId));
    }

    private void replied(String requestId, String device, Map<String, Object> body, long now) {
        for (Request r : requests) {
            if (r.requestId.equals(requestId)) {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("device", device);
                reply.put("status", body.get("status"));
                reply.put("message", body.get("message"));
                reply.put("duplicate", Boolean.TRUE.equals(body.get("duplicate")));
                reply.put("afterMs", now - r.sentAt);
                r.replies.putIfAbsent(device, reply);
            }
        }
    }

    /** The whole view as JSON-friendly values (what the page shows). */
    public synchronized Map<String, Object> snapshot() {
        long now = clock.getAsLong();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prefix", prefix);
        m.put("now", now);
        m.put("messages", messages);
        m.put("unreadable", unreadable);
        List<Object> list = new ArrayList<>();
        Map<String, List<String>> groups = new TreeMap<>();
        for (GatewayState g : gateways.values()) {
            list.add(g.describe(now));
            for (String group : g.groups) {
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(g.device);
            }
        }
        m.put("gateways", list);
        m.put("groups", groups);
        m.put("requests", requests.stream().map(r -> r.describe(groups)).toList());
        return m;
    }

    /** A command sent from the monitor and the replies it got, by device. */
    private static final class Request {
        final String requestId;
        final String scope;
        final String target;
        final String command;
        final long sentAt;
        final Map<String, Map<String, Object>> replies = new TreeMap<>();

        Request(String requestId, String scope, String target, String command, long sentAt) {
            this.requestId = requestId;
            this.scope = scope;
            this.target = target;
            this.command = command;
            this.sentAt = sentAt;
        }

        Map<String, Object> describe(Map<String, List<String>> groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requestId", requestId);
            m.put("scope", scope);
            m.put("target", target);
            m.put("command", command);
            m.put("sentAt", sentAt);
            m.put("expected", scope.equals("group") ? groups.getOrDefault(target, List.of()).size() : 1);
            m.put("replies", List.copyOf(replies.values()));
            return m;
        }
    }

    /** One gateway as seen through its topics. */
    private static final class GatewayState {
        final String device;
        Boolean online;
        List<String> groups = List.of();
        long lastSeen;
        long errors;
        String lastError;
        final Deque<Map<String, Object>> events = new ArrayDeque<>();
        final Map<String, SensorState> sensors = new TreeMap<>();
        final Window lag = new Window(256);

        GatewayState(String device) {
            this.device = device;
        }

        SensorState sensor(String name) {
            return sensors.computeIfAbsent(name, k -> new SensorState());
        }

        @SuppressWarnings("unchecked")
        void event(Map<String, Object> body) {
            Object kind = body.get("event");
            if ("online".equals(kind) || "offline".equals(kind)) {
                online = "online".equals(kind);
                if (body.get("groups") instanceof List<?> l) {
                    groups = ((List<Object>) l).stream().map(String::valueOf).toList();
                }
            }
            events.addFirst(body);
            while (events.size() > EVENTS) {
                events.removeLast();
            }
        }

        void error(Map<String, Object> body) {
            errors++;
            lastError = String.valueOf(body.get("reason"));
        }

        Map<String, Object> describe(long now) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", device);
            m.put("online", online);
            m.put("groups", groups);
            m.put("lastSeenMsAgo", now - lastSeen);
            m.put("errors", errors);
            m.put("lastError", lastError);
            m.put("lagMsP50", lag.quantile(0.5));
            m.put("events", List.copyOf(events));
            List<Object> each = new ArrayList<>();
            List<Object> series = new ArrayList<>();
            long end = now / 1000;
            List<Long> xs = new ArrayList<>();
            for (long t = end - WINDOW_S + 1; t <= end; t++) {
                xs.add(t);
            }
            series.add(xs);
            for (Map.Entry<String, SensorState> e : sensors.entrySet()) {
                each.add(e.getValue().describe(e.getKey()));
                series.add(e.getValue().shiftSeries(end));
            }
            m.put("sensors", each);
            m.put("shiftSeries", series);
            return m;
        }
    }

    /** One sensor of a gateway. */
    private static final class SensorState {
        long predictions;
        long outOfDistribution;
        long compared;
        long agreed;
        double lastShift;
        final Window latency = new Window(256);
        /** Per second of arrival (epoch second mod window): sum and count of shift scores. */
        final long[] second = new long[WINDOW_S];
        final double[] sum = new double[WINDOW_S];
        final int[] count = new int[WINDOW_S];

        void predicted(Map<String, Object> body, long now, GatewayState g) {
            predictions++;
            if (Boolean.TRUE.equals(body.get("outOfDistribution"))) {
                outOfDistribution++;
            }
            if (body.get("sourceClass") instanceof Number source && body.get("class") instanceof Number served) {
                compared++;
                agreed += source.intValue() == served.intValue() ? 1 : 0;
            }
            if (body.get("latencyMicros") instanceof Number micros) {
                latency.add(micros.doubleValue());
            }
            if (body.get("ts") instanceof Number ts) {
                g.lag.add(now - ts.doubleValue());
            }
            if (body.get("shift") instanceof Number shift) {
                lastShift = shift.doubleValue();
                long s = now / 1000;
                int i = (int) (s % WINDOW_S);
                if (second[i] != s) {
                    second[i] = s;
                    sum[i] = 0;
                    count[i] = 0;
                }
                sum[i] += lastShift;
                count[i]++;
            }
        }

        List<Double> shiftSeries(long end) {
            List<Double> ys = new ArrayList<>();
            for (long t = end - WINDOW_S + 1; t <= end; t++) {
                int i = (int) (t % WINDOW_S);
                ys.add(second[i] == t && count[i] > 0 ? sum[i] / count[i] : null);
            }
            return ys;
        }

        Map<String, Object> describe(String name) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sensor", name);
            m.put("predictions", predictions);
            m.put("lastShift", lastShift);
            m.put("oodRate", predictions == 0 ? 0.0 : (double) outOfDistribution / predictions);
            m.put("agreement", compared == 0 ? null : (double) agreed / compared);
            m.put("latencyMicrosP50", latency.quantile(0.5));
            return m;
        }
    }

    /** The latest values of a measurement, for quantiles. */
    private static final class Window {
        private final double[] values;
        private int n;
        private int next;

        Window(int size) {
            values = new double[size];
        }

        void add(double v) {
            values[next] = v;
            next = (next + 1) % values.length;
            n = Math.min(n + 1, values.length);
        }

        Double quantile(double q) {
            if (n == 0) {
                return null;
            }
            double[] sorted = java.util.Arrays.copyOf(values, n);
            java.util.Arrays.sort(sorted);
            return sorted[(int) Math.min(n - 1, Math.round(q * (n - 1)))];
        }
    }

    /** The device ids seen so far. */
    public synchronized TreeSet<String> devices() {
        return new TreeSet<>(gateways.keySet());
    }

    /** The devices whose latest presence message says online. */
    public synchronized List<String> online() {
        return gateways.values().stream().filter(g -> Boolean.TRUE.equals(g.online)).map(g -> g.device).toList();
    }

    /** Predictions seen, over every gateway and sensor. */
    public synchronized long predictions() {
        return gateways.values().stream().flatMap(g -> g.sensors.values().stream()).mapToLong(s -> s.predictions)
                .sum();
    }

    /** The devices with an event of this kind among their latest events. */
    public synchronized List<String> devicesWithEvent(String kind) {
        return gateways.values().stream().filter(g -> g.events.stream().anyMatch(e -> kind.equals(e.get("event"))))
                .map(g -> g.device).toList();
    }

    /** The replies to a command sent from here (device, status, message, duplicate, afterMs), none if unknown. */
    public synchronized List<Map<String, Object>> replies(String requestId) {
        return requests.stream().filter(r -> r.requestId.equals(requestId)).findFirst()
                .map(r -> List.copyOf(r.replies.values())).orElse(List.of());
    }

    /** Per gateway with predictions, the median lag of its latest ones (ms), sorted. */
    public synchronized List<Double> lagsMillis() {
        return gateways.values().stream().map(g -> g.lag.quantile(0.5)).filter(java.util.Objects::nonNull).sorted()
                .toList();
    }
}

package org.leantta.kura.cloud;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.message.KuraPayload;
import org.leantta.api.AdaptationEvent;
import org.leantta.kura.mqtt.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud front's answers as KuraPayloads through the chosen CloudPublisher. A message the publisher refuses
 * (it throws, or none is chosen) is held, in order, and published by a later {@link #flush()}; past the
 * capacity the oldest held are dropped. Failures and drops are counted and, once publishing works again,
 * reported as one error message.
 */
final class CloudSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(CloudSink.class);
    /** Message property: what a message is (prediction, error, reply, event); usable as $kind in the topic. */
    static final String KIND = "kind";
    /** Message property: the sensor, or "none"; usable as $sensor in the publisher's topic. */
    static final String SENSOR = "sensor";

    private final Supplier<CloudPublisher> publisher;
    private final Deque<KuraMessage> held = new ArrayDeque<>();
    private int capacity;
    private long published;
    private long failures;
    private long dropped;
    private long failuresReported;
    private long droppedReported;
    private String lastFailure;

    CloudSink(Supplier<CloudPublisher> publisher, int capacity) {
        this.publisher = publisher;
        this.capacity = capacity;
    }

    synchronized void setCapacity(int capacity) {
        this.capacity = capacity;
        trim();
    }

    @Override
    public boolean prediction(String sensor, Map<String, Object> prediction) {
        return hold(message("prediction", sensor, prediction));
    }

    @Override
    public boolean error(Map<String, Object> report) {
        return hold(message("error", (String) report.get("sensor"), report));
    }

    @Override
    public boolean reply(String requestId, Map<String, Object> reply) {
        return hold(message("reply", null, reply));
    }

    /** An event of a model: kind event, sensor the stream it concerns ("none" for all). */
    boolean event(AdaptationEvent event) {
        return hold(message("event", event.stream(), Sink.eventReport(event, null)));
    }

    @Override
    public String sampleOrigin(String sensor) {
        return "cloud subscriber, sensor " + sensor;
    }

    @Override
    public String commandOrigin(String command) {
        return "request " + CloudFront.REQUEST_HANDLER_ID + "/" + command;
    }

    private synchronized boolean hold(KuraMessage message) {
        held.addLast(message);
        trim();
        flush();
        return true;
    }

    private void trim() {
        while (held.size() > capacity) {
            held.removeFirst();
            dropped++;
        }
    }

    /** Publishes what is held, oldest first, until the publisher refuses; then reports past failures once. */
    synchronized void flush() {
        while (!held.isEmpty()) {
            if (!publish(held.peekFirst())) {
                return;
            }
            held.removeFirst();
            published++;
        }
        if (failures > failuresReported || dropped > droppedReported) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("reason", "the cloud publisher refused " + (failures - failuresReported) + " time(s) (last: "
                    + lastFailure + "); held messages were published in order, " + (dropped - droppedReported)
                    + " dropped (over backlog.size " + capacity + ")");
            report.put("publishFailures", failures - failuresReported);
            report.put("droppedMessages", dropped - droppedReported);
            report.put("ts", System.currentTimeMillis());
            if (publish(message("error", null, report))) {
                published++;
                failuresReported = failures;
                droppedReported = dropped;
            }
        }
    }

    private boolean publish(KuraMessage message) {
        CloudPublisher p = publisher.get();
        if (p == null) {
            // nothing to publish through yet: hold without counting a failure on every flush
            lastFailure = "no cloud publisher: choose one in CloudPublisher.target";
            return false;
        }
        try {
            p.publish(message);
            return true;
        } catch (Exception e) {
            failures++;
            lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("cloud publisher refused a message ({}); {} held", lastFailure, held.size());
            return false;
        }
    }

    synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("published", published);
        m.put("held", held.size());
        m.put("capacity", capacity);
        m.put("publishFailures", failures);
        m.put("dropped", dropped);
        if (lastFailure != null) {
            m.put("lastFailure", lastFailure);
        }
        return m;
    }

    /** A message whose metrics are the answer's entries (ts becomes the payload's timestamp). */
    static KuraMessage message(String kind, String sensor, Map<String, Object> entries) {
        KuraPayload payload = new KuraPayload();
        Object ts = entries.get("ts");
        payload.setTimestamp(new Date(ts instanceof Number n ? n.longValue() : System.currentTimeMillis()));
        entries.forEach((key, value) -> {
            if (value != null && !"ts".equals(key)) {
                payload.addMetric(key, metric(value));
            }
        });
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(KIND, kind);
        properties.put(SENSOR, sensor == null ? "none" : sensor);
        return new KuraMessage(payload, properties);
    }

    /** A value of a type KuraPayload metrics carry (String, Integer, Long, Float, Double, Boolean, byte[]). */
    private static Object metric(Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof Boolean || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return org.leantta.core.json.Json.compact(value);
    }
}

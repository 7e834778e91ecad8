package org.leantta.kura.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.leantta.core.json.Json;

/**
 * The inference side: one worker thread takes items from the bounded inbox in arrival order, predicts,
 * executes commands and publishes the answers. Bad input is reported, never thrown.
 */
final class Pipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());
    private final Inbox<Item> inbox;
    private final Predictor predictor;
    private final Commands commands;
    private final Stats stats;
    private final Thread worker;
    private final AtomicLong autoIds = new AtomicLong();
    private volatile Topics topics;
    private volatile Outbox outbox;
    private volatile long timeoutMs;
    private volatile boolean running = true;

    Pipeline(Predictor predictor, Commands commands, Stats stats, Topics topics, Outbox outbox, int capacity,
             long timeoutMs) {
        this.inbox = new Inbox<>(capacity);
        this.predictor = predictor;
        this.commands = commands;
        this.stats = stats;
        this.topics = topics;
        this.outbox = outbox;
        this.timeoutMs = timeoutMs;
        this.worker = new Thread(this::work, "leantta-inference");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Called from the MQTT client's thread: queues the item, waiting for room up to the timeout (which holds
     * back the broker), else records the loss and queues its report.
     */
    void accept(Item item) {
        stats.received();
        try {
            if (!inbox.offer(item, timeoutMs, TimeUnit.MILLISECONDS)) {
                stats.dropped();
                inbox.force(dropped(item));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.dropped();
        }
    }

    private static Item.Rejected dropped(Item item) {
        String reason = "dropped: the inference queue stayed full (raise queue.size or send less)";
        if (item instanceof Item.Sample s) {
            return new Item.Rejected(null, s.sensor(), s.id(), reason, s.payloadBytes());
        }
        return new Item.Rejected(null, null, null, reason, 0);
    }

    /** Applies new topics, outbox and queue limits; queued items stay and are answered on the new topics. */
    void reconfigure(Topics newTopics, Outbox newOutbox, int capacity, long newTimeoutMs) {
        this.topics = newTopics;
        this.outbox = newOutbox;
        this.timeoutMs = newTimeoutMs;
        inbox.setCapacity(capacity);
    }

    Map<String, Object> describe() {
        Map<String, Object> m = stats.describe();
        m.put("queue", Map.of("size", inbox.size(), "capacity", inbox.capacity()));
        return m;
    }

    private void work() {
        while (running) {
            try {
                Item item = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (item != null) {
                    handle(item);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "inference worker: unexpected failure, continuing", e);
            }
        }
    }

    private void handle(Item item) {
        if (item instanceof Item.Sample s) {
            predict(s);
        } else if (item instanceof Item.Command c) {
            command(c);
        } else {
            reject((Item.Rejected) item);
        }
    }

    private void predict(Item.Sample s) {
        Prediction p;
        try {
            p = predictor.predict(s.sensor(), s.values(), s.encoding());
        } catch (IllegalArgumentException e) {
            reject(new Item.Rejected(topics.sensor(s.sensor()), s.sensor(),
                    s.id(), e.getMessage(), s.payloadBytes()));
            return;
        } catch (RuntimeException e) {
            reject(new Item.Rejected(topics.sensor(s.sensor()), s.sensor(), s.id(), "inference failed: " + e.getMessage(),
                    s.payloadBytes()));
            return;
        }
        stats.predicted(p.shift(), p.outOfDistribution(), p.latencyMicros());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensor", s.sensor());
        m.put("id", s.id());
        m.put("ts", s.ts());
        m.put("class", p.classIndex());
        m.put("label", p.label());
        m.put("confidence", p.confidence());
        m.put("shift", p.shift());
        m.put("outOfDistribution", p.outOfDistribution());
        m.put("adapted", p.adapted());
        m.put("latencyMicros", p.latencyMicros());
        if (p.hasSource()) {
            m.put("sourceClass", p.sourceClass());
            m.put("sourceLabel", predictor.model().labels().get(p.sourceClass()));
            m.put("sourceConfidence", p.sourceConfidence());
        }
        send(topics.prediction(s.sensor()), m);
    }

    private void command(Item.Command c) {
        stats.command();
        String rid = c.requestId();
        if (rid == null || !rid.matches("[A-Za-z0-9._:-]{1,128}")) {
            String given = rid;
            rid = c.command() + "-" + System.currentTimeMillis() + "-" + autoIds.incrementAndGet();
            if (given != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", rid);
                r.put("command", c.command());
                r.put("status", 400);
                r.put("message", "requestId must be 1-128 letters, digits or ._:- (it becomes a topic level), got "
                        + Json.compact(given));
                reject(new Item.Rejected(topics.command(c.command()), null, given, String.valueOf(r.get("message")),
                        0));
                send(topics.reply(rid), r);
                return;
            }
        }
        Map<String, Object> reply = commands.execute(c, rid);
        if (!Integer.valueOf(200).equals(reply.get("status"))) {
            reject(new Item.Rejected(topics.command(c.command()), null, rid,
                    "command " + c.command() + ": " + reply.get("message"), 0));
        }
        send(topics.reply(rid), reply);
    }

    private void reject(Item.Rejected r) {
        stats.rejected();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", r.topic());
        m.put("sensor", r.sensor());
        m.put("id", r.id());
        m.put("reason", r.reason());
        m.put("payloadBytes", r.payloadBytes());
        m.put("ts", System.currentTimeMillis());
        send(topics.errors(), m);
    }

    private void send(String topic, Map<String, Object> message) {
        byte[] payload = Json.compact(message).getBytes(StandardCharsets.UTF_8);
        Outbox used = outbox;
        if (used.publish(topic, payload)) {
            return;
        }
        // a reconfiguration may have closed the connection under us: the new one takes the message
        Outbox current = outbox;
        if (current == used || !current.publish(topic, payload)) {
            stats.publishFailed();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(5000);
    }
}

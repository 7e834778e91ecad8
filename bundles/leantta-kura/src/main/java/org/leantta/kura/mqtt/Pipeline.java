package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.leantta.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference side, shared by both fronts (the MQTT bridge and Kura's cloud connection): one worker thread
 * takes items from the bounded inbox in arrival order, predicts, executes commands and hands the answers to the
 * front's {@link Sink}. Bad input is reported, never thrown.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private final Inbox<Item> inbox;
    private final Predictor predictor;
    private final Commands commands;
    private final Stats stats;
    private final Thread worker;
    private final AtomicLong autoIds = new AtomicLong();
    private volatile Sink sink;
    private volatile long timeoutMs;
    private volatile boolean running = true;

    public Pipeline(Predictor predictor, Commands commands, Stats stats, Sink sink, int capacity, long timeoutMs) {
        this.inbox = new Inbox<>(capacity);
        this.predictor = predictor;
        this.commands = commands;
        this.stats = stats;
        this.sink = sink;
        this.timeoutMs = timeoutMs;
        this.worker = new Thread(this::work, "leantta-inference");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Called from the MQTT client's thread: queues the item, waiting for room up to the timeout (which holds
     * back the broker), else records the loss and queues its report.
     */
    public void accept(Item item) {
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

    /** Applies a new sink and queue limits; queued items stay and are answered through the new sink. */
    public void reconfigure(Sink newSink, int capacity, long newTimeoutMs) {
        this.sink = newSink;
        this.timeoutMs = newTimeoutMs;
        inbox.setCapacity(capacity);
    }

    public Map<String, Object> describe() {
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
                LOG.error("inference worker: unexpected failure, continuing", e);
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
            reject(new Item.Rejected(sink.sampleOrigin(s.sensor()), s.sensor(), s.id(), e.getMessage(),
                    s.payloadBytes()));
            return;
        } catch (RuntimeException e) {
            reject(new Item.Rejected(sink.sampleOrigin(s.sensor()), s.sensor(), s.id(),
                    "inference failed: " + e.getMessage(), s.payloadBytes()));
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
        String sensor = s.sensor();
        send(out -> out.prediction(sensor, m));
    }

    private void command(Item.Command c) {
        Map<String, Object> reply = execute(c);
        String rid = (String) reply.get("requestId");
        send(out -> out.reply(rid, reply));
    }

    /**
     * Executes a command now, on the caller's thread (Kura's request handler answers synchronously), counting it
     * and reporting a refusal on the errors channel; returns the reply.
     */
    public Map<String, Object> execute(Item.Command c) {
        return execute(c, null);
    }

    /** As {@link #execute(Item.Command)}, for a command whose requester is known (a Kura request names it). */
    public Map<String, Object> execute(Item.Command c, String requester) {
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
                reject(new Item.Rejected(sink.commandOrigin(c.command()), null, given,
                        String.valueOf(r.get("message")), 0));
                return r;
            }
        }
        Map<String, Object> reply = commands.execute(c, rid, requester);
        if (!Integer.valueOf(200).equals(reply.get("status"))) {
            reject(new Item.Rejected(sink.commandOrigin(c.command()), null, rid,
                    "command " + c.command() + ": " + reply.get("message"), 0));
        }
        return reply;
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
        send(out -> out.error(m));
    }

    private void send(Predicate<Sink> delivery) {
        Sink used = sink;
        if (delivery.test(used)) {
            return;
        }
        // a reconfiguration may have closed the connection under us: the new one takes the message
        Sink current = sink;
        if (current == used || !delivery.test(current)) {
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

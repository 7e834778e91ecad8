package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.leantta.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference side, shared by both fronts (the MQTT bridge and Kura's cloud connection): one worker thread
 * takes items from the bounded inbox in arrival order, predicts, executes commands and hands the answers to the
 * front's {@link Sink}. Bad input is reported, never thrown. The worker never waits on the network: sinks take
 * answers at once (the MQTT front holds them in its backlog), so nothing that holds up the broker connection
 * can hold up inference. Counting: see {@link Stats}.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Runnable NOTHING = () -> { };
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** How much of a refused requestId a reply may quote. */
    private static final int EXCERPT = 32;

    /** A queued item; {@code done} runs once it is answered or dropped; {@code counted}: not a drop's report. */
    private record Entry(Item item, Runnable done, boolean counted) {
    }

    private final Inbox<Entry> inbox;
    private final Predictor predictor;
    private final Commands commands;
    private final Stats stats;
    private final Thread worker;
    private final AtomicLong autoIds = new AtomicLong();
    private final GroupRequests groupRequests = new GroupRequests(System::currentTimeMillis);
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

    /** {@link #accept(Item, Runnable)} with nothing to do once the item is answered. */
    public void accept(Item item) {
        accept(item, NOTHING);
    }

    /**
     * Called from the front's thread: queues the item, waiting for room up to the timeout, else counts it dropped
     * and queues its report. {@code done} runs once the item is answered or dropped (the MQTT front acknowledges
     * the message to the broker then). Commands go ahead of the queued samples and never wait: they are few,
     * and an operator needs {@code status} most when the queue is full.
     */
    public void accept(Item item, Runnable done) {
        if (item instanceof Item.Command) {
            inbox.urgent(new Entry(item, done, true));
            return;
        }
        stats.received();
        try {
            if (!inbox.offer(new Entry(item, done, true), timeoutMs, TimeUnit.MILLISECONDS)) {
                shed(item, done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.dropped();
            release(done);
        }
    }

    /** Counts a sample that found no room and queues its report, which says how many were shed so far. */
    private void shed(Item item, Runnable done) {
        stats.dropped();
        String reason = "dropped: the inference queue (" + inbox.capacity() + ") stayed full for " + timeoutMs
                + " ms (raise queue.size or send less); " + stats.droppedSoFar() + " dropped since the start";
        Item.Rejected report;
        if (item instanceof Item.Sample s) {
            report = new Item.Rejected(sink.sampleOrigin(s.sensor()), s.sensor(), s.id(), reason, s.payloadBytes());
        } else {
            Item.Rejected r = (Item.Rejected) item;
            report = new Item.Rejected(r.topic(), r.sensor(), r.id(), reason, r.payloadBytes());
        }
        inbox.force(new Entry(report, done, false));
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
            Entry entry;
            try {
                entry = inbox.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (entry != null) {
                try {
                    handle(entry);
                } catch (RuntimeException | Error e) {
                    LOG.error("inference worker: unexpected failure, continuing", e);
                } finally {
                    release(entry.done());
                }
            }
        }
    }

    private static void release(Runnable done) {
        try {
            done.run();
        } catch (RuntimeException e) {
            LOG.warn("could not complete a message: {}", e.toString());
        }
    }

    private void handle(Entry entry) {
        if (entry.item() instanceof Item.Sample s) {
            predict(s);
        } else if (entry.item() instanceof Item.Command c) {
            command(c);
        } else if (entry.counted()) {
            reject((Item.Rejected) entry.item());
        } else {
            report((Item.Rejected) entry.item());
        }
    }

    private void predict(Item.Sample s) {
        String refusal = sink.refusal(s.sensor());
        if (refusal != null) {
            reject(rejection(s, refusal));
            return;
        }
        Prediction p;
        try {
            p = predictor.predict(s.sensor(), s.values(), s.encoding());
        } catch (IllegalArgumentException e) {
            reject(rejection(s, e.getMessage()));
            return;
        } catch (RuntimeException e) {
            reject(rejection(s, "inference failed: " + e.getMessage()));
            return;
        }
        stats.inferred(p.shift(), p.outOfDistribution(), p.latencyMicros());
        Map<String, Object> m = answer(s, p);
        Receipt receipt = Receipt.of(stats::predicted, stats::dropped);
        if (!send(out -> out.prediction(s.sensor(), m, receipt))) {
            receipt.dropped();
        }
    }

    private Item.Rejected rejection(Item.Sample s, String reason) {
        return new Item.Rejected(sink.sampleOrigin(s.sensor()), s.sensor(), s.id(), reason, s.payloadBytes());
    }

    private Map<String, Object> answer(Item.Sample s, Prediction p) {
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
        return m;
    }

    private void command(Item.Command c) {
        Map<String, Object> reply = execute(c);
        String rid = (String) reply.get("requestId");
        send(out -> out.reply(rid, reply));
    }

    /**
     * Executes a command now, on the caller's thread (Kura's request handler answers synchronously), counting it
     * and reporting a refusal on the errors channel; returns the reply. A requestId that cannot be a topic level
     * is refused, and quoted only in part: a reply never echoes more than {@value #EXCERPT} of its characters.
     */
    public Map<String, Object> execute(Item.Command c) {
        return execute(c, null);
    }

    /**
     * As {@link #execute(Item.Command)}, for a command whose requester is known (a Kura request names it). An
     * authorized group command whose requestId was seen before in its group is answered again with its first reply
     * (marked {@code duplicate}), not applied again; the same requestId with another command is refused (409).
     */
    public Map<String, Object> execute(Item.Command c, String requester) {
        if (c.group() == null || c.requestId() == null || !commands.permits(c, requester)) {
            // a refused command is answered 403 and never remembered: it cannot shadow an authorized one
            return run(c, requester);
        }
        GroupRequests.Seen seen = groupRequests.seen(c);
        if (seen == null) {
            Map<String, Object> reply = run(c, requester);
            groupRequests.remember(c, reply);
            return reply;
        }
        stats.command();
        if (seen.command().equals(c.command())) {
            return seen.again();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requestId", c.requestId());
        r.put("command", c.command());
        r.put("status", 409);
        r.put("message", "requestId " + c.requestId() + " was used for '" + seen.command() + "' in group "
                + c.group() + " within the last hour: send every group command with a fresh requestId");
        r.put("group", c.group());
        refused(c, c.requestId(), "command " + c.command() + ": " + r.get("message"));
        return r;
    }

    private Map<String, Object> run(Item.Command c, String requester) {
        stats.command();
        String rid = c.requestId();
        if (rid != null && !REQUEST_ID.matcher(rid).matches()) {
            return refuseRequestId(c, rid);
        }
        Map<String, Object> reply = commands.execute(c, rid == null ? autoId(c) : rid, requester);
        if (c.group() != null) {
            reply.put("group", c.group());
        }
        if (!Integer.valueOf(200).equals(reply.get("status"))) {
            refused(c, (String) reply.get("requestId"), "command " + c.command() + ": " + reply.get("message"));
        }
        return reply;
    }

    private Map<String, Object> refuseRequestId(Item.Command c, String given) {
        String message = "requestId must be 1-128 letters, digits or ._:- (it becomes a topic level), got "
                + excerpt(given);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requestId", autoId(c));
        r.put("command", c.command());
        r.put("status", 400);
        r.put("message", message);
        refused(c, (String) r.get("requestId"), message);
        return r;
    }

    private String autoId(Item.Command c) {
        return c.command() + "-" + System.currentTimeMillis() + "-" + autoIds.incrementAndGet();
    }

    /** The given text as JSON, cut to its first {@value #EXCERPT} characters (and its length) if longer. */
    static String excerpt(String given) {
        if (given.length() <= EXCERPT) {
            return Json.compact(given);
        }
        return Json.compact(given.substring(0, EXCERPT)) + "... (" + given.length() + " characters)";
    }

    private void refused(Item.Command c, String requestId, String reason) {
        stats.refusedCommand();
        report(new Item.Rejected(sink.commandOrigin(c), null, requestId, reason, 0));
    }

    private void reject(Item.Rejected r) {
        stats.rejected();
        report(r);
    }

    /**
     * Reports a state of the gateway that concerns every sample (e.g. the model could not be loaded) on the errors
     * channel; not a sample, so no counter changes.
     */
    public void notice(String origin, String reason) {
        report(new Item.Rejected(origin, null, null, reason, 0));
    }

    private void report(Item.Rejected r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", r.topic());
        m.put("sensor", r.sensor());
        m.put("id", r.id());
        m.put("reason", r.reason());
        m.put("payloadBytes", r.payloadBytes());
        m.put("ts", System.currentTimeMillis());
        send(out -> out.error(m));
    }

    /** Hands an answer to the sink; false (and counted) if neither it nor a sink set meanwhile took it. */
    private boolean send(Predicate<Sink> delivery) {
        Sink used = sink;
        if (delivery.test(used)) {
            return true;
        }
        // a reconfiguration may have replaced the sink under us: the new one takes the message
        Sink current = sink;
        if (current != used && delivery.test(current)) {
            return true;
        }
        stats.publishFailed();
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(5000);
    }
}

package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The MQTT bridge under faults, against Mosquitto brokers of its own: a backlog of 30,000 samples queued for a
 * stopped gateway, broker restarts during a QoS 1 stream, and a fuzz of malformed payloads and odd topics. Each
 * test prints its figures (the README's "Delivery guarantees and failure modes" quotes them).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeliveryIT extends GatewayItBase {
    static final String MODEL = GatewayIT.MODEL;
    static final String BRIDGE = GatewayIT.BRIDGE;
    static final int BACKLOG = 30_000;
    static final int STREAM = 3_000;
    static final int RESTARTS = 4;
    /** How long each broker outage lasts: part of the scenario, not a wait for anything. */
    static final long OUTAGE_MS = 1_000;
    static final int FUZZ = 3_000;

    @Before
    public void givenTheModel() throws Exception {
        Components.configureIfAbsent(configurationAdmin, MODEL, new Hashtable<>(Map.of()));
        Components.awaitActive(scr, MODEL);
    }

    @Test
    public void aBacklogOf30000SamplesIsAllAnsweredWithStatusAnsweredThroughout() throws Exception {
        try (Mosquitto broker = Mosquitto.start("persistence false\nmax_queued_messages 40000\n")) {
            String base = useBroker(broker, "it-backlog", Map.of("payload.format", "uint8"));
            try (LiveClient operator = answers(broker, base, "it-backlog-answers", false);
                 LiveClient sensor = new LiveClient(broker.url(), "it-backlog-sensor", false)) {
                Tally tally = new Tally();
                awaitBridge(sensor, operator, tally, base);
                queueWhileTheBridgeIsStopped(sensor, base);
                long start = System.nanoTime();
                Map<String, Long> requests = drainSendingStatus(sensor, operator, tally, base);
                double seconds = (System.nanoTime() - start) / 1e9;
                tally.until(operator, () -> tally.replies.keySet().containsAll(requests.keySet()), 30_000,
                        "status replies");
                List<Long> latencies = replyMillis(tally, requests);
                Map<String, Object> counters = settled(sensor, operator, tally, base, "backlog-end", BACKLOG);

                assertEquals("every queued sample answered", BACKLOG, tally.predictions.size());
                assertEquals(0.0, counters.get("dropped"));
                assertEquals(0.0, counters.get("rejected"));
                long early = requests.keySet().stream()
                        .filter(r -> tally.predictionsBeforeReply.get(r) < BACKLOG - 1000).count();
                assertTrue("status answered while the backlog drained, not after it", early > 0);
                System.out.printf("DeliveryIT backlog: %d samples queued for a stopped gateway, %d answered in %.1f s "
                        + "(%.0f/s); %d status requests during the drain, all answered (median %d ms, max %d ms)%n",
                        BACKLOG, tally.predictions.size(), seconds, BACKLOG / seconds, requests.size(),
                        percentile(latencies, 50), percentile(latencies, 100));
            }
        }
    }

    @Test
    public void everySampleIsAnsweredAcrossBrokerRestarts() throws Exception {
        try (Mosquitto broker = Mosquitto.start("persistence true\npersistence_location ${dir}/\n"
                + "max_queued_messages 40000\n")) {
            String base = useBroker(broker, "it-restarts", Map.of());
            try (LiveClient operator = answers(broker, base, "it-restarts-answers", true);
                 LiveClient sensor = new LiveClient(broker.url(), "it-restarts-sensor", true)) {
                Tally tally = new Tally();
                awaitBridge(sensor, operator, tally, base);
                Map<String, Object> before = counters(status(sensor, operator, tally, base, "restarts-start"));
                AtomicInteger sent = new AtomicInteger();
                ExecutorService stream = Executors.newSingleThreadExecutor();
                Future<?> streaming = stream.submit(() -> stream(sensor, base, sent));
                List<Long> recoveries = restartDuringTheStream(broker, operator, tally, sent, streaming);
                streaming.get(120, TimeUnit.SECONDS);
                stream.shutdown();
                try {
                    tally.until(operator, () -> tally.predictions.size() >= STREAM, 60_000, "every sample answered");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; missing " + missing(tally), e);
                }
                assertEquals(List.of(), missing(tally));
                Map<String, Object> after = settled(sensor, operator, tally, base, "restarts-end", -1);

                int duplicates = tally.predictions.values().stream().mapToInt(c -> c - 1).sum();
                assertEquals(0.0, (double) after.get("dropped") - (double) before.get("dropped"), 0);
                System.out.printf("DeliveryIT restarts: %d QoS 1 samples, broker stopped and started %d times "
                        + "(%d ms outages): %d answered at least once, %d duplicates; gateway answering again %s ms "
                        + "after each return%n", STREAM, RESTARTS, OUTAGE_MS, tally.predictions.size(), duplicates,
                        recoveries);
            }
        }
    }

    @Test
    public void aFuzzOfMalformedPayloadsAndOddTopicsIsAccountedForByTheCounters() throws Exception {
        try (Mosquitto broker = Mosquitto.start("persistence false\nmax_queued_messages 100000\n")) {
            String base = useBroker(broker, "it-fuzz", Map.of("max.payload.bytes", 65_536));
            try (LiveClient operator = answers(broker, base, "it-fuzz-answers", false);
                 LiveClient sensor = new LiveClient(broker.url(), "it-fuzz-sensor", false)) {
                Tally tally = new Tally();
                awaitBridge(sensor, operator, tally, base);
                Map<String, Object> before = counters(status(sensor, operator, tally, base, "fuzz-start"));
                Sent sent = fuzz(sensor, base);
                Map<String, Object> after = settled(sensor, operator, tally, base, "fuzz-end",
                        (long) (double) before.get("received") + FUZZ);
                tally.until(operator, () -> tally.predictionCount >= sent.valid()
                        && tally.errorsFrom("/sensors/") >= FUZZ - sent.valid()
                        && tally.errorsFrom("/commands/") >= sent.refused(), 30_000, "every answer and report");

                double predicted = delta(after, before, "predicted");
                double rejected = delta(after, before, "rejected");
                double dropped = delta(after, before, "dropped");
                assertEquals(FUZZ, predicted + rejected + dropped, 0);
                assertEquals("valid samples predicted", sent.valid(), predicted, 0);
                assertEquals("predictions published", sent.valid(), tally.predictionCount);
                assertEquals("every rejection and drop reported", rejected + dropped, tally.errorsFrom("/sensors/"),
                        0);
                assertEquals("refused commands", sent.refused(), delta(after, before, "refusedCommands"), 0);
                assertEquals("refused commands reported", sent.refused(), tally.errorsFrom("/commands/"));
                assertTrue("no answer echoes a long requestId: " + tally.largestCommandAnswer,
                        tally.largestCommandAnswer < 1000);
                System.out.printf("DeliveryIT fuzz: %d messages to odd sensor topics (%d valid, %d malformed or "
                        + "unanswerable) and %d commands (%d refused): predicted %.0f, rejected %.0f, dropped %.0f, "
                        + "every rejection reported%n", FUZZ, sent.valid(), FUZZ - sent.valid(), sent.commands(),
                        sent.refused(), predicted, rejected, dropped);
            }
        }
    }

    // --- the backlog ----------------------------------------------------------------------------------------------

    /** Stops the bridge component (its persistent session stays), queues the backlog, starts it again. */
    private void queueWhileTheBridgeIsStopped(LiveClient sensor, String base) throws Exception {
        ComponentDescriptionDTO bridge = Components.description(scr, BRIDGE);
        scr.disableComponent(bridge).getValue();
        try {
            ImageSet images = Shipped.testSet();
            byte[][] raw = new byte[1000][];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Fuzz.rawUint8(images.image(i));
            }
            for (int i = 0; i < BACKLOG; i++) {
                sensor.publish(base + "sensors/cam" + (i % 3), raw[i % raw.length], 1);
            }
            sensor.awaitDelivered(120_000);
        } finally {
            scr.enableComponent(bridge).getValue();
        }
    }

    /**
     * Waits for every answer, asking for status (QoS 1) every 250 ms once answers flow; returns when each request
     * was sent.
     */
    private static Map<String, Long> drainSendingStatus(LiveClient sensor, LiveClient operator, Tally tally,
            String base) throws Exception {
        Map<String, Long> sentAt = new LinkedHashMap<>();
        long deadline = System.currentTimeMillis() + 180_000;
        long next = 0;
        while (tally.predictionCount + tally.errors.size() < BACKLOG) {
            assertTrue("the backlog drained within 180 s: " + tally.predictionCount + " answered",
                    System.currentTimeMillis() < deadline);
            if (tally.predictionCount > 0 && System.currentTimeMillis() >= next) {
                String id = "drain-" + sentAt.size();
                sensor.publish(base + "commands/status", "{\"requestId\":\"" + id + "\"}", 1);
                sentAt.put(id, System.nanoTime());
                next = System.currentTimeMillis() + 250;
            }
            MqttProbe.Received r = operator.poll(20);
            if (r != null) {
                tally.add(r);
            }
        }
        return sentAt;
    }

    private static List<Long> replyMillis(Tally tally, Map<String, Long> sentAt) {
        List<Long> ms = new ArrayList<>();
        sentAt.forEach((id, at) -> ms.add(TimeUnit.NANOSECONDS.toMillis(tally.replyNanos.get(id) - at)));
        return ms;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    // --- restarts -------------------------------------------------------------------------------------------------

    /**
     * JSON samples r-0 ... at about 400 a second, each published once (Paho resends unacknowledged ones); a sensor
     * that waited out an outage goes on at the same pace, without a burst.
     */
    private static Void stream(LiveClient sensor, String base, AtomicInteger sent) throws Exception {
        ImageSet images = Shipped.testSet();
        long next = System.nanoTime();
        for (int i = 0; i < STREAM; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            sensor.publish(base + "sensors/line", Fuzz.jsonUint8("r-" + i, images.image(i)), 1);
            sent.incrementAndGet();
            next = Math.max(next, System.nanoTime()) + 2_500_000L;
        }
        sensor.awaitDelivered(120_000);
        return null;
    }

    /** Restarts the broker evenly through the stream; returns, per restart, how long until answers came again. */
    private static List<Long> restartDuringTheStream(Mosquitto broker, LiveClient operator, Tally tally,
            AtomicInteger sent, Future<?> streaming) throws Exception {
        List<Long> recoveries = new ArrayList<>();
        for (int k = 1; k <= RESTARTS; k++) {
            int at = k * STREAM / (RESTARTS + 1);
            tally.until(operator, () -> sent.get() >= at || streaming.isDone(), 60_000, "the stream reaching " + at);
            broker.stop();
            Thread.sleep(OUTAGE_MS);
            broker.start();
            long back = System.nanoTime();
            int firstAfter = sent.get();
            tally.until(operator, () -> answeredFrom(tally, firstAfter), 30_000,
                    "an answer to a sample sent after restart " + k);
            recoveries.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
        }
        return recoveries;
    }

    private static boolean answeredFrom(Tally tally, int first) {
        for (int i = first; i < STREAM; i++) {
            if (tally.predictions.containsKey("r-" + i)) {
                return true;
            }
        }
        return first >= STREAM;
    }

    private static List<String> missing(Tally tally) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < STREAM; i++) {
            if (!tally.predictions.containsKey("r-" + i)) {
                missing.add("r-" + i);
            }
        }
        return missing;
    }

    // --- fuzz -----------------------------------------------------------------------------------------------------

    /** What the fuzz sent: valid samples among {@link #FUZZ}, commands, and commands to be refused. */
    private record Sent(int valid, int commands, int refused) {
    }

    /** Sends the fuzz and, every 100 messages, a command: one valid, then four to be refused, and again. */
    private static Sent fuzz(LiveClient sensor, String base) throws Exception {
        Fuzz fuzz = new Fuzz(10, Shipped.testSet(), base);
        String[] commands = {"status {\"requestId\":\"fz-%d\"}", "status {\"requestId\":{\"a\":1}}",
            "status {\"requestId\":\"" + "q".repeat(40_000) + "\"}", "explode {\"requestId\":\"fz-%d\"}",
            "reset {\"requestId\":"};
        int valid = 0;
        int sentCommands = 0;
        int refused = 0;
        for (int i = 0; i < FUZZ; i++) {
            Fuzz.Case c = fuzz.next(i);
            sensor.publish(base + "sensors/" + c.sensor(), c.payload(), 1);
            valid += c.valid() ? 1 : 0;
            if (i % 100 == 50) {
                int k = sentCommands++ % commands.length;
                refused += k == 0 ? 0 : 1;
                String[] command = String.format(commands[k], i).split(" ", 2);
                sensor.publish(base + "commands/" + command[0], command[1], 1);
            }
        }
        sensor.awaitDelivered(60_000);
        return new Sent(valid, sentCommands, refused);
    }

    private static double delta(Map<String, Object> after, Map<String, Object> before, String counter) {
        return (double) after.get(counter) - (double) before.get(counter);
    }

    // --- the gateway ----------------------------------------------------------------------------------------------

    /** Points the bridge at this broker under its own device id; returns the topic base. */
    private String useBroker(Mosquitto broker, String device, Map<String, Object> extra) throws Exception {
        Configuration c = configurationAdmin.getConfiguration(BRIDGE, "?");
        Dictionary<String, Object> props = new Hashtable<>(Map.of("broker.url", broker.url(), "device.id", device,
                "client.id", "gw-" + device));
        extra.forEach(props::put);
        c.update(props);
        Components.awaitActive(scr, BRIDGE);
        return "leantta/" + device + "/";
    }

    private static LiveClient answers(Mosquitto broker, String base, String id, boolean persistent) throws Exception {
        return new LiveClient(broker.url(), id, persistent, base + "predictions/+", base + "errors",
                base + "replies/+");
    }

    /** Asks for status (QoS 1) every 500 ms until the bridge, connected to this broker, answers. */
    private static void awaitBridge(LiveClient sensor, LiveClient operator, Tally tally, String base)
            throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (int attempt = 0; ; attempt++) {
            String id = "ready-" + attempt;
            sensor.publish(base + "commands/status", "{\"requestId\":\"" + id + "\"}", 1);
            try {
                tally.until(operator, () -> tally.replies.containsKey(id), 500, "status " + id);
                return;
            } catch (AssertionError notYet) {
                assertTrue("the bridge did not answer within 30 s", System.currentTimeMillis() < deadline);
            }
        }
    }

    private static Map<String, Object> status(LiveClient sensor, LiveClient operator, Tally tally, String base,
            String id) throws Exception {
        sensor.publish(base + "commands/status", "{\"requestId\":\"" + id + "\"}", 1);
        tally.until(operator, () -> tally.replies.containsKey(id), 30_000, "status " + id);
        return tally.replies.get(id);
    }

    /**
     * Asks for status until nothing is pending (and, unless negative, {@code received} reached the given count);
     * returns its counters, checking that received = predicted + rejected + dropped.
     */
    private static Map<String, Object> settled(LiveClient sensor, LiveClient operator, Tally tally, String base,
            String id, long received) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        for (int attempt = 0; ; attempt++) {
            Map<String, Object> c = counters(status(sensor, operator, tally, base, id + "-" + attempt));
            boolean all = received < 0 || (double) c.get("received") >= received;
            if (all && (double) c.get("pending") == 0) {
                assertEquals(c.toString(), (double) c.get("received"), (double) c.get("predicted")
                        + (double) c.get("rejected") + (double) c.get("dropped"), 0);
                return c;
            }
            assertTrue("the counters settled within 60 s: " + c, System.currentTimeMillis() < deadline);
            MqttProbe.Received r = operator.poll(100);
            if (r != null) {
                tally.add(r);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counters(Map<String, Object> status) {
        return (Map<String, Object>) status.get("counters");
    }
}

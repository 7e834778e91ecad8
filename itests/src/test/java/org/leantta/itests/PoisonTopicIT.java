package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A sample on a topic the MQTT client embedded in the bridge (Paho 1.2.5) cannot read, an emoji in the sensor's
 * name, published through a real Mosquitto: it is reported on the errors topic and the samples after it are
 * answered. Without the bridge's guard it would end Paho's receiver and nothing would be answered again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PoisonTopicIT extends GatewayItBase {
    private static final String DEVICE = "poison-it";
    private static final String BASE = "leantta/" + DEVICE + "/";
    private static final String MARK = "\u241A";
    /**
     * Sensor names that Mosquitto delivers and Paho 1.2.5 cannot read: beyond U+FFFF; with the emoji variation
     * selector U+FE0F; halfwidth katakana (U+FF76 U+FF92 U+FF97).
     */
    private static final String[] POISONED = {"cam😀", "cam❤\uFE0F", "ｶﾒﾗ"};
    private static final String[] AS_REPORTED = {"cam" + MARK, "cam❤" + MARK, MARK};

    @Before
    public void givenAGatewayOnMosquitto() throws Exception {
        Components.configureIfAbsent(configurationAdmin, GatewayIT.MODEL, new Hashtable<>(Map.of("tau", 0.85f)));
        Components.configureIfAbsent(configurationAdmin, GatewayIT.BRIDGE, new Hashtable<>(Map.of("broker.url",
                Mosquitto.shared().url(), "device.id", DEVICE)));
        Components.awaitActive(scr, GatewayIT.MODEL);
        Components.awaitActive(scr, GatewayIT.BRIDGE);
    }

    @Test
    public void samplesOnTopicsPahoCannotReadAreReportedAndTheSamplesAfterThemAnswered() throws Exception {
        ImageSet test = Shipped.testSet();
        int n = 20;
        try (MqttProbe probe = MqttProbe.answersOf(Mosquitto.shared().url(), "it-poison-probe", BASE);
             RawPublisher sensor = new RawPublisher(Mosquitto.shared().port(), "it-poison-sensor")) {
            awaitBridge(probe);
            long poisoned = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (i % 7 == 0) {
                    sensor.publish(utf8(BASE + "sensors/" + POISONED[i / 7]), utf8(GatewayIT.jsonUint8("poison-" + i,
                            test.image(i))));
                }
                probe.publish(BASE + "sensors/after", GatewayIT.jsonUint8("after-" + i, test.image(i)));
            }
            MqttProbe.Received first = probe.await(r -> r.topic().endsWith("/predictions/after"), 20_000);
            double recoveryMs = (System.nanoTime() - poisoned) / 1e6;

            Set<Object> answered = new HashSet<>(Set.of(first.body().get("id")));
            probe.collect("/predictions/after", n - 1, 20_000).forEach(r -> answered.add(r.body().get("id")));
            assertEquals("every valid sample after the poisoned ones answered", n, answered.size());
            List<MqttProbe.Received> reports = probe.collect("/errors", 3, 20_000);
            assertEquals("every poisoned sample reported", 3, reports.size());
            for (MqttProbe.Received r : reports) {
                int i = Integer.parseInt(((String) r.body().get("id")).substring("poison-".length()));
                assertEquals(BASE + "sensors/" + AS_REPORTED[i / 7], r.body().get("topic"));
                assertTrue(String.valueOf(r.body().get("reason")),
                        String.valueOf(r.body().get("reason")).startsWith("the topic has characters the gateway's "
                                + "MQTT client cannot read, shown as " + MARK));
            }
            System.out.printf("poison topic: the first sample after a poisoned one was answered %.1f ms after it; "
                    + "%d of %d later samples answered, %d of 3 poisoned samples reported%n", recoveryMs,
                    answered.size(), n, reports.size());
        }
    }

    /** Waits until the bridge is subscribed: status requests until one is answered. */
    private static void awaitBridge(MqttProbe probe) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (int attempt = 0; ; attempt++) {
            String id = "ready-" + attempt;
            probe.publish(BASE + "commands/status", "{\"requestId\":\"" + id + "\"}");
            try {
                probe.await(r -> r.topic().equals(BASE + "replies/" + id), 500);
                probe.collect("/replies/ready-", 100, 300);
                return;
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the bridge did not answer within 30 s", notYet);
                }
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

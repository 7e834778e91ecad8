package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.leantta.api.AdaptationControl;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.leantta.core.Sha256;
import org.leantta.core.json.Json;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruptions;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/** The built bundles in Equinox: components, live configuration, and the MQTT contract through Mosquitto. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GatewayIT extends GatewayItBase {
    static final String MODEL = "org.leantta.kura.model.LeanTtaModel";
    static final String BRIDGE = "org.leantta.kura.mqtt.MqttBridge";
    static final String DEVICE = "it-device";
    static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";

    @Before
    public void givenConfiguredComponents() throws Exception {
        Components.configureIfAbsent(configurationAdmin, MODEL, new Hashtable<>(Map.of("tau", 0.85f)));
        Components.configureIfAbsent(configurationAdmin, BRIDGE, new Hashtable<>(Map.of("broker.url",
                Mosquitto.shared().url(), "device.id", DEVICE,
                "queue.timeout.ms", 1000)));
        Components.awaitActive(scr, MODEL);
        Components.awaitActive(scr, BRIDGE);
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        T s = t.waitForService(20_000);
        assertNotNull(type.getSimpleName(), s);
        return s;
    }

    @Test
    public void everyComponentIsActiveAndKuraVisible() throws Exception {
        Set<String> active = new HashSet<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.ACTIVE) {
                    active.add(d.name);
                }
            }
            assertEquals(d.name, "require", d.configurationPolicy);
            assertTrue(d.name, List.of(d.serviceInterfaces).contains(CONFIGURABLE));
        }
        assertEquals(Set.of(MODEL, BRIDGE), active);
        // Kura's web UI lists ConfigurableComponent services by their service.pid
        Set<Object> pids = new HashSet<>();
        for (ServiceReference<?> r : context.getServiceReferences(CONFIGURABLE, null)) {
            pids.add(r.getProperty("service.pid"));
        }
        assertEquals(Set.of(MODEL, BRIDGE), pids);
    }

    @Test
    public void aConfigurationUpdateOfTauChangesPredictions() throws Exception {
        Predictor predictor = service(Predictor.class);
        AdaptationControl control = service(AdaptationControl.class);
        float[] shifted = shiftedImage(7);
        // fresh streams: in hybrid mode a stream's first sample is corrected against the source, as stateless
        Prediction before = predictor.predict("tau-before", shifted, Encoding.FLOAT32);
        Configuration c = configurationAdmin.getConfiguration(MODEL, "?");
        Dictionary<String, Object> props = c.getProperties();
        props.put("tau", 0.3f);
        c.update(props);
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!((Map<?, ?>) control.status().get("configuration")).get("tau").equals(0.3f)) {
                assertTrue("tau 0.3 applied within 20 s", System.currentTimeMillis() < deadline);
                Thread.sleep(20);
            }
            Prediction after = predictor.predict("tau-after", shifted, Encoding.FLOAT32);
            assertNotEquals(before.confidence(), after.confidence(), 1e-6f);
            assertTrue(after.adapted());
        } finally {
            props.put("tau", 0.85f);
            c.update(props);
        }
    }

    @Test
    public void samplesInPredictionsOutBadInputReportedValidTrafficContinues() throws Exception {
        String base = "leantta/" + DEVICE + "/";
        try (MqttProbe probe = MqttProbe.answersOf(Mosquitto.shared().url(), "it-samples", base)) {
            awaitBridge(probe, base);
            ImageSet test = Shipped.testSet();
            int n = 40;
            int bad = 0;
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String id = "s-" + i;
                ids.add(id);
                probe.publish(base + "sensors/cam" + (i % 2), i % 4 == 0 ? binaryUint8(test.image(i))
                        : jsonUint8(id, test.image(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (i % 4 == 0) {
                    ids.remove(id);
                }
                if (i % 10 == 3) {
                    probe.publish(base + "sensors/cam0", "{\"id\":\"broken\", \"data\": [1, 2,");
                    probe.publish(base + "sensors/cam0", "{\"id\":\"short\",\"data\":[1,2,3]}");
                    probe.publish(base + "sensors/cam1", nanFloat32(test.imageSize()));
                    bad += 3;
                }
            }
            List<MqttProbe.Received> predictions = probe.collect("/predictions/", n, 60_000);
            assertEquals("every valid sample answered", n, predictions.size());
            Set<String> answeredIds = new HashSet<>();
            for (MqttProbe.Received r : predictions) {
                for (String field : List.of("sensor", "id", "ts", "class", "label", "confidence", "shift",
                        "adapted", "latencyMicros", "outOfDistribution")) {
                    assertTrue(field + " in " + r.body(), r.body().containsKey(field));
                }
                assertTrue(r.topic().endsWith("/predictions/" + r.body().get("sensor")));
                answeredIds.add((String) r.body().get("id"));
            }
            assertTrue(answeredIds.containsAll(ids));
            List<MqttProbe.Received> errors = probe.collect("/errors", bad, 20_000);
            assertEquals("every bad input reported", bad, errors.size());
            for (MqttProbe.Received e : errors) {
                String reason = (String) e.body().get("reason");
                assertTrue(reason, reason.startsWith("malformed JSON") || reason.contains("the model expects 784")
                        || reason.contains("expected a finite number"));
            }
        }
    }

    @Test
    public void commandsAreAnswered() throws Exception {
        String base = "leantta/" + DEVICE + "/";
        try (MqttProbe probe = MqttProbe.answersOf(Mosquitto.shared().url(), "it-commands", base)) {
            awaitBridge(probe, base);
            Map<String, Object> status = command(probe, base, "status", "st-1");
            assertEquals(200.0, status.get("status"));
            Map<?, ?> model = (Map<?, ?>) status.get("model");
            assertEquals(Sha256.of(java.nio.file.Path.of(OsgiRuntime.required("leantta.home"),
                    "models/fmnist-resnet8-int8.onnx")), model.get("sha256"));
            for (String key : List.of("configuration", "counters", "meanShift", "latencyMicros", "bridge", "adaptation")) {
                assertTrue(key + " in status", status.containsKey(key));
            }
            assertEquals(200.0, command(probe, base, "reset", "r-1").get("status"));
            assertEquals(200.0, command(probe, base, "disable", "d-1").get("status"));
            probe.publish(base + "sensors/cam9", jsonUint8("after-disable", Shipped.testSet().image(0)));
            assertEquals(false, probe.await(r -> r.topic().endsWith("/predictions/cam9"), 20_000).body().get("adapted"));
            assertEquals(200.0, command(probe, base, "enable", "e-1").get("status"));
            probe.publish(base + "sensors/cam9", jsonUint8("after-enable", Shipped.testSet().image(0)));
            assertEquals(true, probe.await(r -> r.topic().endsWith("/predictions/cam9"), 20_000).body().get("adapted"));
            Map<String, Object> unknown = command(probe, base, "explode", "x-1");
            assertEquals(400.0, unknown.get("status"));
            assertTrue(probe.await(r -> r.topic().endsWith("/errors")
                    && String.valueOf(r.body().get("reason")).contains("unknown command"), 20_000) != null);
            probe.publish(base + "commands/status", "{\"requestId\": \"m-1\", ");
            assertEquals(400.0, probe.await(r -> r.topic().contains("/replies/status-"), 20_000).body().get("status"));
        }
    }

    @Test
    public void noValidSampleIsLostWhileTheConfigurationChanges() throws Exception {
        String base = "leantta/" + DEVICE + "/";
        ImageSet test = Shipped.testSet();
        int n = 400;
        try (MqttProbe probe = MqttProbe.answersOf(Mosquitto.shared().url(), "it-updates", base)) {
            awaitBridge(probe, base);
            Thread sensor = new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        probe.publish(base + "sensors/live", jsonUint8("u-" + i, test.image(i)));
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sensor.start();
            Configuration model = configurationAdmin.getConfiguration(MODEL, "?");
            Configuration bridge = configurationAdmin.getConfiguration(BRIDGE, "?");
            Dictionary<String, Object> modelBefore = model.getProperties();
            Dictionary<String, Object> bridgeBefore = bridge.getProperties();
            try {
                Thread.sleep(200);
                update(model, "tau", 0.5f);              // live: new knobs only
                Thread.sleep(200);
                update(model, "adapted.layers", "first:5"); // rebuilds the sessions
                Thread.sleep(300);
                update(bridge, "queue.size", 50);        // no reconnection
                Thread.sleep(200);
                update(bridge, "username", "operator");  // reconnects, same client id and session
                sensor.join(60_000);
                // at least once: a reconnection may answer a sample twice, so count distinct ids
                Set<Object> ids = new HashSet<>();
                long deadline = System.currentTimeMillis() + 60_000;
                while (ids.size() < n && System.currentTimeMillis() < deadline) {
                    probe.collect("/predictions/live", n - ids.size(), deadline - System.currentTimeMillis())
                            .forEach(r -> ids.add(r.body().get("id")));
                }
                assertEquals("every sample answered across four updates", n, ids.size());
            } finally {
                model.update(modelBefore);
                bridge.update(bridgeBefore);
            }
        }
    }

    @Test
    public void aRefusedConfigurationLeavesThePreviousOneServing() throws Exception {
        String base = "leantta/" + DEVICE + "/";
        ImageSet test = Shipped.testSet();
        int n = 200;
        try (MqttProbe probe = MqttProbe.answersOf(Mosquitto.shared().url(), "it-refused", base)) {
            awaitBridge(probe, base);
            Configuration model = configurationAdmin.getConfiguration(MODEL, "?");
            Configuration bridge = configurationAdmin.getConfiguration(BRIDGE, "?");
            Dictionary<String, Object> modelBefore = model.getProperties();
            Dictionary<String, Object> bridgeBefore = bridge.getProperties();
            try {
                for (int i = 0; i < n; i++) {
                    probe.publish(base + "sensors/refused", jsonUint8("r-" + i, test.image(i)));
                    if (i == 50) {
                        update(model, "model.sha256", "0".repeat(64)); // not the built-in model's: refused
                    } else if (i == 100) {
                        update(bridge, "qos", 7);                       // out of range: refused
                    }
                }
                List<MqttProbe.Received> answers = probe.collect("/predictions/refused", n, 60_000);
                Set<Object> ids = new HashSet<>();
                answers.forEach(r -> ids.add(r.body().get("id")));
                assertEquals("every sample answered by the configuration still in force", n, ids.size());
                Map<String, Object> status = command(probe, base, "status", "after-refusals");
                assertTrue(String.valueOf(status.get("lastRejectedConfiguration")),
                        String.valueOf(status.get("lastRejectedConfiguration")).startsWith("model.sha256"));
                @SuppressWarnings("unchecked")
                Map<String, Object> bridgeStatus = (Map<String, Object>) status.get("bridge");
                assertEquals("qos must be 0, 1 or 2, got 7", bridgeStatus.get("refusedConfiguration"));
            } finally {
                model.update(modelBefore);
                bridge.update(bridgeBefore);
            }
        }
    }

    @Test
    public void resetOverMqttReturnsTheGatewayToTheSourceStatistics() throws Exception {
        String base = "leantta/" + DEVICE + "/";
        Predictor predictor = service(Predictor.class);
        AdaptationControl control = service(AdaptationControl.class);
        assertEquals("hybrid", ((Map<?, ?>) control.status().get("adaptation")).get("mode"));
        ImageSet test = Shipped.testSet();
        float[] probe = Corruptions.apply(Corruptions.byName("gain-offset"), test.image(3), test.channels(),
                test.height(), test.width(), 5, 1, 3);
        Prediction stateless = statelessPrediction(control, predictor, probe);
        try (MqttProbe probeClient = MqttProbe.answersOf(Mosquitto.shared().url(), "it-reset", base)) {
            awaitBridge(probeClient, base);
            int n = 150;
            for (int i = 0; i < n; i++) {
                float[] x = Corruptions.apply(Corruptions.byName("gain-offset"), test.image(100 + i), test.channels(),
                        test.height(), test.width(), 5, 1, i);
                probeClient.publish(base + "sensors/cam-reset", floatJson("r-" + i, x));
            }
            assertEquals(n, probeClient.collect("/predictions/cam-reset", n, 60_000).size());
            Prediction drifted = predictor.predict("cam-reset", probe, Encoding.FLOAT32);
            assertNotEquals("the drifted stream's estimate changed the answer", stateless.confidence(),
                    drifted.confidence(), 1e-4f);

            assertEquals(200.0, command(probeClient, base, "reset", "reset-1").get("status"));
            Prediction afterReset = predictor.predict("cam-reset", probe, Encoding.FLOAT32);
            assertEquals(stateless.classIndex(), afterReset.classIndex());
            assertEquals(stateless.confidence(), afterReset.confidence(), 1e-6f);
            assertEquals(stateless.shift(), afterReset.shift(), 1e-6f);
        }
    }

    /** The probe's answer in stateless mode (switched through ConfigurationAdmin and back). */
    private Prediction statelessPrediction(AdaptationControl control, Predictor predictor, float[] probe)
            throws Exception {
        Configuration c = configurationAdmin.getConfiguration(MODEL, "?");
        Dictionary<String, Object> before = c.getProperties();
        update(c, "adaptation.mode", "stateless");
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!"stateless".equals(((Map<?, ?>) control.status().get("adaptation")).get("mode"))) {
                assertTrue("stateless mode applied within 20 s", System.currentTimeMillis() < deadline);
                Thread.sleep(20);
            }
            return predictor.predict("cam-reset", probe, Encoding.FLOAT32);
        } finally {
            c.update(before);
            long deadline = System.currentTimeMillis() + 20_000;
            while (!"hybrid".equals(((Map<?, ?>) control.status().get("adaptation")).get("mode"))) {
                assertTrue("hybrid mode back within 20 s", System.currentTimeMillis() < deadline);
                Thread.sleep(20);
            }
        }
    }

    static String floatJson(String id, float[] x) {
        List<Float> data = new java.util.ArrayList<>();
        for (float v : x) {
            data.add(v);
        }
        return Json.compact(Map.of("id", id, "data", data));
    }

    private static void update(Configuration c, String key, Object value) throws Exception {
        Dictionary<String, Object> p = c.getProperties();
        p.put(key, value);
        c.update(p);
    }

    private static Map<String, Object> command(MqttProbe probe, String base, String command, String requestId)
            throws Exception {
        probe.publish(base + "commands/" + command, "{\"requestId\":\"" + requestId + "\"}");
        Map<String, Object> reply = probe.await(r -> r.topic().equals(base + "replies/" + requestId), 20_000).body();
        assertEquals(requestId, reply.get("requestId"));
        assertEquals(command, reply.get("command"));
        return reply;
    }

    /** Waits until the bridge is subscribed: status requests until one is answered. */
    private static void awaitBridge(MqttProbe probe, String base) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        for (int attempt = 0; ; attempt++) {
            String id = "ready-" + attempt;
            probe.publish(base + "commands/status", "{\"requestId\":\"" + id + "\"}");
            try {
                probe.await(r -> r.topic().equals(base + "replies/" + id), 500);
                probe.collect("/replies/ready-", 100, 300);
                return;
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the bridge did not answer within 30 s", notYet);
                }
            }
        }
    }

    static String jsonUint8(String id, float[] image) {
        List<Integer> data = new java.util.ArrayList<>();
        for (float v : image) {
            data.add(Math.round(v * 255));
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("ts", 1_700_000_000_000L);
        m.put("encoding", "uint8");
        m.put("data", data);
        return Json.compact(m);
    }

    static byte[] binaryUint8(float[] image) {
        byte[] b = new byte[image.length];
        for (int i = 0; i < image.length; i++) {
            b[i] = (byte) Math.round(image[i] * 255);
        }
        return b;
    }

    static byte[] nanFloat32(int n) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(i == n / 2 ? Float.NaN : 0.5f);
        }
        return b.array();
    }

    static float[] shiftedImage(int index) {
        ImageSet test = Shipped.testSet();
        return Corruptions.apply(Corruptions.byName("gaussian-noise"), test.image(index), test.channels(),
                test.height(), test.width(), 5, 1, index);
    }
}

package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerMessageConstants;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.message.KuraPayload;
import org.eclipse.kura.message.KuraResponsePayload;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.leantta.kura.fakes.FakePublisher;
import org.leantta.kura.fakes.FakeRequestHandlerRegistry;
import org.leantta.kura.fakes.FakeSubscriber;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The cloud front in Equinox, talking to test doubles of Kura's CloudPublisher, CloudSubscriber and
 * RequestHandlerRegistry (bundle org.leantta.kura.fakes) registered as OSGi services: Kura's own cloud stack
 * cannot run off a gateway. The front chooses them by its target filters, as in Kura's web UI.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CloudFrontIT extends GatewayItBase {
    static final String MODEL = "org.leantta.kura.model.LeanTtaModel";
    static final String FRONT = "org.leantta.kura.cloud.CloudFront";
    static final int PIXELS = 28 * 28;
    static final Set<String> PREDICTION_METRICS = Set.of("sensor", "id", "class", "label", "confidence", "shift",
            "outOfDistribution", "adapted", "latencyMicros");

    /** The doubles, registered once per framework after the front was seen active without them. */
    private static FakePublisher publisher;
    private static FakeSubscriber subscriber;
    private static FakeRequestHandlerRegistry registry;
    private static boolean activeWithoutCloudServices;

    @Before
    public void givenTheFrontWiredToTheCloudDoubles() throws Exception {
        Components.configureIfAbsent(configurationAdmin, MODEL, new Hashtable<>(Map.of("tau", 0.85f)));
        Components.configureIfAbsent(configurationAdmin, FRONT, new Hashtable<>(Map.of(
                "CloudPublisher.target", "(kura.service.pid=it-publisher)",
                "CloudSubscriber.target", "(kura.service.pid=it-subscriber)",
                "queue.timeout.ms", 1000)));
        Components.awaitActive(scr, MODEL);
        Components.awaitActive(scr, FRONT);
        if (publisher == null) {
            activeWithoutCloudServices = true;
            publisher = new FakePublisher();
            subscriber = new FakeSubscriber();
            registry = new FakeRequestHandlerRegistry();
            context.registerService(CloudPublisher.class, publisher, pid("it-publisher"));
            context.registerService(CloudSubscriber.class, subscriber, pid("it-subscriber"));
            context.registerService(RequestHandlerRegistry.class, registry, pid("it-registry"));
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (subscriber.listeners() == 0 || registry.handler("LEANTTA-V1") == null) {
            assertTrue("the front did not bind the subscriber and the registry", System.currentTimeMillis() < deadline);
            Thread.sleep(20);
        }
        publisher.clear();
    }

    @Test
    public void theFrontIsActiveBeforeAnyCloudServiceExists() {
        assertTrue(activeWithoutCloudServices);
    }

    @Test
    public void samplesInPredictionsOutWithTheirMetricsAndABadSampleReported() throws Exception {
        for (int i = 0; i < 20; i++) {
            subscriber.deliver(sample("it-cam", "s-" + i, image(i)));
            if (i == 10) {
                subscriber.deliver(sample("it-cam", "bad", new byte[] {1, 2, 3}));
            }
        }

        List<KuraMessage> out = publisher.await(21, 30_000);
        List<KuraMessage> predictions = kind(out, "prediction");
        assertEquals(20, predictions.size());
        for (int i = 0; i < 20; i++) {
            KuraPayload p = predictions.get(i).getPayload();
            assertEquals(PREDICTION_METRICS, p.metricNames());
            assertEquals("s-" + i, p.getMetric("id"));
            assertEquals("it-cam", predictions.get(i).getProperties().get("sensor"));
            float confidence = (Float) p.getMetric("confidence");
            assertTrue(confidence > 0 && confidence <= 1);
            assertTrue((Integer) p.getMetric("class") >= 0 && (Integer) p.getMetric("class") < 10);
        }
        List<KuraMessage> errors = kind(out, "error");
        assertEquals(1, errors.size());
        assertEquals("bad", errors.get(0).getPayload().getMetric("id"));
        assertTrue(String.valueOf(errors.get(0).getPayload().getMetric("reason")).startsWith("binary payload of 3"));
    }

    @Test
    public void eachCommandIsAnsweredWithItsCode() throws Exception {
        RequestHandler handler = registry.handler("LEANTTA-V1");

        assertEquals(200, code(handler.doExec(null, request("reset", ""))));
        assertEquals(200, code(handler.doExec(null, request("disable", ""))));
        assertEquals(200, code(handler.doExec(null, request("rollback", ""))));
        assertEquals(200, code(handler.doExec(null, request("enable", ""))));
        KuraMessage status = handler.doGet(null, request("status", ""));
        KuraMessage configuration = handler.doGet(null, request("configuration", ""));
        assertEquals(404, code(handler.doExec(null, request("frobnicate", ""))));
        assertEquals(400, code(handler.doGet(null, request("reset", ""))));
        assertEquals(400, code(handler.doExec(null, request("reset", "{not json"))));

        assertEquals(200, code(status));
        String body = new String(status.getPayload().getBody(), StandardCharsets.UTF_8);
        assertTrue(body, body.contains("\"cloudFront\"") && body.contains("\"counters\"")
                && body.contains("\"sha256\""));
        assertEquals(200, code(configuration));
        String config = new String(configuration.getPayload().getBody(), StandardCharsets.UTF_8);
        assertTrue(config, config.contains("\"tau\""));
    }

    @Test
    public void whatAFailingPublisherRefusesIsHeldPublishedInOrderAndTheFailureReported() throws Exception {
        publisher.refuseNext(5);

        for (int i = 0; i < 10; i++) {
            subscriber.deliver(sample("it-flaky", "f-" + i, image(i)));
        }

        List<KuraMessage> out = publisher.await(11, 30_000);
        List<Object> ids = kind(out, "prediction").stream().map(m -> m.getPayload().getMetric("id"))
                .collect(Collectors.toList());
        assertEquals(List.of("f-0", "f-1", "f-2", "f-3", "f-4", "f-5", "f-6", "f-7", "f-8", "f-9"), ids);
        List<KuraMessage> errors = kind(out, "error");
        assertEquals(1, errors.size());
        assertEquals(5L, errors.get(0).getPayload().getMetric("publishFailures"));
        String status = new String(registry.handler("LEANTTA-V1").doGet(null, request("status", ""))
                .getPayload().getBody(), StandardCharsets.UTF_8);
        assertTrue(status, status.contains("\"publishFailures\":5") && status.contains("\"held\":0"));
    }

    private static List<KuraMessage> kind(List<KuraMessage> messages, String kind) {
        return messages.stream().filter(m -> kind.equals(m.getProperties().get("kind"))).collect(Collectors.toList());
    }

    private static byte[] image(int seed) {
        byte[] b = new byte[PIXELS];
        for (int y = 6; y < 22; y++) {
            for (int x = 4 + seed % 5; x < 20 + seed % 5; x++) {
                b[y * 28 + x] = (byte) (120 + 7 * seed);
            }
        }
        return b;
    }

    private static KuraMessage sample(String sensor, String id, byte[] body) {
        KuraPayload p = new KuraPayload();
        p.addMetric("sensor", sensor);
        p.addMetric("id", id);
        p.setTimestamp(new Date());
        p.setBody(body);
        return new KuraMessage(p);
    }

    private static KuraMessage request(String resource, String body) {
        KuraPayload p = new KuraPayload();
        p.addMetric("request.id", "it-" + resource);
        p.addMetric("requester.client.id", "it-operator");
        p.setBody(body.getBytes(StandardCharsets.UTF_8));
        return new KuraMessage(p, Map.of(RequestHandlerMessageConstants.ARGS_KEY.value(), List.of(resource)));
    }

    private static int code(KuraMessage response) {
        return (Integer) response.getPayload().getMetric(KuraResponsePayload.METRIC_RESPONSE_CODE);
    }

    private static Dictionary<String, Object> pid(String pid) {
        return new Hashtable<>(Map.of("kura.service.pid", pid));
    }

}

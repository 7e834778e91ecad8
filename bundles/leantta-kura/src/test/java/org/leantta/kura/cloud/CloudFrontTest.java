package org.leantta.kura.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerMessageConstants;
import org.eclipse.kura.message.KuraPayload;
import org.eclipse.kura.message.KuraResponsePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leantta.api.AdaptationEvent;
import org.leantta.core.json.Json;
import org.leantta.kura.Configs;
import org.leantta.kura.fakes.FakePublisher;
import org.leantta.kura.fakes.FakeRequestHandlerRegistry;
import org.leantta.kura.fakes.FakeSubscriber;
import org.leantta.kura.mqtt.FakeCryptoService;
import org.leantta.kura.mqtt.FakeModel;

/** The cloud front with fakes of Kura's publisher, subscriber and request handler registry. */
class CloudFrontTest {
    private final FakeModel model = new FakeModel();
    private final FakePublisher publisher = new FakePublisher();
    private final FakeSubscriber subscriber = new FakeSubscriber();
    private final FakeRequestHandlerRegistry registry = new FakeRequestHandlerRegistry();
    private final FakeCryptoService crypto = new FakeCryptoService();
    private CloudFront front;

    @AfterEach
    void deactivate() throws InterruptedException {
        model.release();
        if (front != null) {
            front.deactivate();
        }
    }

    @Test
    void aSampleInTheBodyIsAnsweredWithAPredictionWhoseMetricsCarryTheAnswer() throws Exception {
        givenFront(Map.of());

        subscriber.deliver(sample("cam1", "m-1", new byte[] {1, 0, 0, 0}));

        KuraMessage m = publisher.await(1, 10_000).get(0);
        assertThat(m.getProperties()).containsEntry("kind", "prediction").containsEntry("sensor", "cam1");
        assertThat(m.getPayload().metricNames()).containsExactlyInAnyOrder("sensor", "id", "class", "label",
                "confidence", "shift", "outOfDistribution", "adapted", "latencyMicros");
        assertThat(m.getPayload().getMetric("sensor")).isEqualTo("cam1");
        assertThat(m.getPayload().getMetric("id")).isEqualTo("m-1");
        assertThat(m.getPayload().getMetric("class")).isEqualTo(1);
        assertThat(m.getPayload().getMetric("label")).isEqualTo("dog");
        assertThat(m.getPayload().getMetric("confidence")).isEqualTo(0.75f);
        assertThat(m.getPayload().getMetric("shift")).isEqualTo(0.125f);
        assertThat(m.getPayload().getMetric("outOfDistribution")).isEqualTo(false);
        assertThat(m.getPayload().getMetric("adapted")).isEqualTo(true);
        assertThat(m.getPayload().getMetric("latencyMicros")).isEqualTo(250L);
        assertThat(m.getPayload().getTimestamp().getTime()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aModelsEventIsPublishedAsAMessageOfKindEvent() throws Exception {
        givenFront(Map.of());

        front.event(AdaptationEvent.of("reanchor", "model-a", "cam1", "new environment estimate: abrupt change"));

        KuraMessage m = publisher.await(1, 10_000).get(0);
        assertThat(m.getProperties()).containsEntry("kind", "event").containsEntry("sensor", "cam1");
        assertThat(m.getPayload().getMetric("event")).isEqualTo("reanchor");
        assertThat(m.getPayload().getMetric("source")).isEqualTo("model-a");
        assertThat((String) m.getPayload().getMetric("detail")).startsWith("new environment estimate");
    }

    @Test
    void aJsonSampleWithoutASensorMetricGoesToTheDefaultSensor() throws Exception {
        givenFront(Map.of("default.sensor", "line-3"));
        KuraPayload p = new KuraPayload();
        p.setBody("{\"id\":\"j-1\",\"data\":[2,0,0,0]}".getBytes(StandardCharsets.UTF_8));

        subscriber.deliver(new KuraMessage(p));

        KuraMessage m = publisher.await(1, 10_000).get(0);
        assertThat(m.getPayload().getMetric("sensor")).isEqualTo("line-3");
        assertThat(m.getPayload().getMetric("id")).isEqualTo("j-1");
        assertThat(m.getPayload().getMetric("label")).isEqualTo("bird");
    }

    @Test
    void aBadSampleIsReportedAndTheNextOneIsStillAnswered() throws Exception {
        givenFront(Map.of());

        subscriber.deliver(sample("cam1", "bad", new byte[] {1, 2, 3}));
        subscriber.deliver(sample("cam/../1", "evil", new byte[] {1, 0, 0, 0}));
        subscriber.deliver(sample("cam1", "good", new byte[] {0, 0, 0, 0}));

        List<KuraMessage> out = publisher.await(3, 10_000);
        assertThat(out.get(0).getProperties()).containsEntry("kind", "error");
        assertThat((String) out.get(0).getPayload().getMetric("reason")).startsWith("binary payload of 3 bytes");
        assertThat(out.get(0).getPayload().getMetric("id")).isEqualTo("bad");
        assertThat((String) out.get(1).getPayload().getMetric("reason")).startsWith("sensor metric must be");
        assertThat(out.get(2).getPayload().getMetric("id")).isEqualTo("good");
        assertThat(settledCounters()).containsEntry("received", 3L).containsEntry("predicted", 1L)
                .containsEntry("rejected", 2L);
    }

    @Test
    void whatThePublisherRefusesIsHeldAndPublishedInOrderAndTheFailureReported() throws Exception {
        givenFront(Map.of());
        publisher.refuseNext(3);

        for (int i = 0; i < 5; i++) {
            subscriber.deliver(sample("cam1", "m-" + i, new byte[] {1, 0, 0, 0}));
        }

        List<KuraMessage> out = publisher.await(6, 10_000);
        assertThat(out).filteredOn(m -> "prediction".equals(m.getProperties().get("kind")))
                .extracting(m -> m.getPayload().getMetric("id")).containsExactly("m-0", "m-1", "m-2", "m-3", "m-4");
        List<KuraMessage> reports = out.stream().filter(m -> "error".equals(m.getProperties().get("kind"))).toList();
        assertThat(reports).hasSize(1);
        assertThat((String) reports.get(0).getPayload().getMetric("reason"))
                .startsWith("the cloud publisher refused 3 time(s)").contains("fake publisher refuses");
        assertThat(delivery()).containsEntry("publishFailures", 3L).containsEntry("held", 0)
                .containsEntry("dropped", 0L);
    }

    @Test
    void pastTheBacklogTheOldestAreDroppedCountedAndReported() throws Exception {
        givenFront(Map.of("backlog.size", 2));
        publisher.refuseNext(4);

        for (int i = 0; i < 4; i++) {
            subscriber.deliver(sample("cam1", "m-" + i, new byte[] {1, 0, 0, 0}));
        }

        List<KuraMessage> out = publisher.await(3, 10_000);
        assertThat(out.subList(0, 2)).extracting(m -> m.getPayload().getMetric("id")).containsExactly("m-2", "m-3");
        assertThat(out.get(2).getPayload().getMetric("droppedMessages")).isEqualTo(2L);
        assertThat(delivery()).containsEntry("dropped", 2L);
    }

    @Test
    void theRequestHandlerIsRegisteredAndAnswersEachCommandWithItsCode() throws Exception {
        givenFront(Map.of());
        RequestHandler handler = registry.handler("LEANTTA-V1");
        assertThat(handler).isNotNull();

        assertThat(code(handler.doExec(null, request("reset", "")))).isEqualTo(200);
        assertThat(code(handler.doExec(null, request("disable", "")))).isEqualTo(200);
        KuraMessage status = handler.doGet(null, request("status", ""));
        assertThat(code(handler.doExec(null, request("frobnicate", "")))).isEqualTo(404);
        assertThat(code(handler.doGet(null, request("reset", "")))).isEqualTo(400);
        assertThat(code(handler.doExec(null, request("reset", "{not json")))).isEqualTo(400);
        model.failure = new IllegalStateException("boom");
        assertThat(code(handler.doExec(null, request("reset", "")))).isEqualTo(500);

        assertThat(code(status)).isEqualTo(200);
        Map<String, Object> body = Json.parseObject(new String(status.getPayload().getBody(), StandardCharsets.UTF_8));
        assertThat(body).containsKeys("counters", "cloudFront");
        assertThat(model.calls()).startsWith("reset", "setEnabled(false)");
    }

    @Test
    void aRequesterOutsideTheAllowListIsRefusedWith400AndStatus403AndReported() throws Exception {
        givenFront(Map.of("commands.allowed.requesters", "ops-console, kapua"));
        RequestHandler handler = registry.handler("LEANTTA-V1");

        KuraMessage refused = handler.doExec(null, request("disable", "", "intruder"));
        KuraMessage allowed = handler.doExec(null, request("reset", "", "kapua"));

        assertThat(code(refused)).isEqualTo(400);
        assertThat(refused.getPayload().getMetric("message"))
                .isEqualTo("not authorized: requester \"intruder\" is not in commands.allowed.requesters");
        assertThat(body(refused)).containsEntry("status", 403.0).containsEntry("command", "disable");
        assertThat(code(allowed)).isEqualTo(200);
        assertThat(model.calls()).containsExactly("reset");
        KuraMessage report = publisher.await(1, 10_000).get(0);
        assertThat(report.getProperties()).containsEntry("kind", "error");
        assertThat((String) report.getPayload().getMetric("reason")).isEqualTo("command disable: not authorized: "
                + "requester \"intruder\" is not in commands.allowed.requesters");
    }

    @Test
    void aRequestWithoutRequesterIsRefusedWhenAnAllowListIsSet() throws Exception {
        givenFront(Map.of("commands.allowed.requesters", "ops-console"));

        KuraMessage refused = registry.handler("LEANTTA-V1").doGet(null, request("status", "", null));

        assertThat(code(refused)).isEqualTo(400);
        assertThat(body(refused)).containsEntry("status", 403.0).doesNotContainKey("counters");
    }

    @Test
    void theTokenIsDecryptedWithKurasCryptoServiceCheckedAndNeverEchoed() throws Exception {
        front = new CloudFront();
        front.bindCrypto(crypto);
        givenFront(Map.of("commands.token", FakeCryptoService.encrypt("t0ken")));
        RequestHandler handler = registry.handler("LEANTTA-V1");

        KuraMessage wrong = handler.doExec(null, request("disable", "{\"token\":\"t0ken-guess\"}", "ops"));
        KuraMessage right = handler.doGet(null, request("status", "{\"token\":\"t0ken\"}", "ops"));

        assertThat(code(wrong)).isEqualTo(400);
        assertThat(body(wrong)).containsEntry("status", 403.0)
                .containsEntry("message", "not authorized: wrong command token");
        assertThat(code(right)).isEqualTo(200);
        assertThat(model.calls()).isEmpty();
        assertThat(crypto.decrypted()).containsExactly("enc:t0ken");
        assertThat(cloudFront(body(right))).containsEntry("commands.token", "(set)");
        assertThat(new String(right.getPayload().getBody(), StandardCharsets.UTF_8)).doesNotContain("t0ken");
        assertThat(new String(wrong.getPayload().getBody(), StandardCharsets.UTF_8)).doesNotContain("t0ken");
    }

    @Test
    void aTokenThatCannotBeDecryptedRefusesEveryCommandSayingWhy() throws Exception {
        front = new CloudFront();
        front.bindCrypto(crypto);
        givenFront(Map.of("commands.token", "typed-in-clear"));

        KuraMessage refused = registry.handler("LEANTTA-V1").doExec(null, request("reset", "", "ops"));

        assertThat(code(refused)).isEqualTo(400);
        assertThat((String) refused.getPayload().getMetric("message")).startsWith("not authorized: commands.token "
                + "could not be read: a password could not be decrypted with Kura's CryptoService");
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void statusShowsTheOtherFronts() throws Exception {
        givenFront(Map.of());
        front.fronts = List.of(() -> Map.of("bridge", Map.of("connected", false, "lastError", "Not authorized")));

        KuraMessage status = registry.handler("LEANTTA-V1").doGet(null, request("status", "", "ops"));

        assertThat(body(status)).containsEntry("fronts",
                List.of(Map.of("bridge", Map.of("connected", false, "lastError", "Not authorized"))));
        assertThat(front.status()).containsKey("cloudFront").doesNotContainKey("fronts");
    }

    @Test
    void aDisabledFrontNeitherListensNorAnswers() throws Exception {
        givenFront(Map.of());

        front.modified(Configs.of(CloudFrontConfig.class, Map.of("enabled", false)));

        assertThat(subscriber.listeners()).isZero();
        assertThat(registry.size()).isZero();
    }

    /** As SCR does it: references first, then the activation. */
    private void givenFront(Map<String, Object> overrides) {
        if (front == null) {
            front = new CloudFront();
        }
        front.predictor = model;
        front.control = model;
        front.publisher = publisher;
        front.bindCloudSubscriber(subscriber);
        front.bindRequestHandlerRegistry(registry);
        front.activate(Configs.of(CloudFrontConfig.class, new HashMap<>(overrides)));
    }

    private static KuraMessage sample(String sensor, String id, byte[] body) {
        KuraPayload p = new KuraPayload();
        p.addMetric("sensor", sensor);
        p.addMetric("id", id);
        p.setTimestamp(new java.util.Date(1_700_000_000_000L));
        p.setBody(body);
        return new KuraMessage(p);
    }

    private static KuraMessage request(String resource, String body) {
        return request(resource, body, "ops-console");
    }

    private static KuraMessage request(String resource, String body, String requester) {
        KuraPayload p = new KuraPayload();
        p.addMetric("request.id", "req-1");
        if (requester != null) {
            p.addMetric("requester.client.id", requester);
        }
        p.setBody(body.getBytes(StandardCharsets.UTF_8));
        return new KuraMessage(p, Map.of(RequestHandlerMessageConstants.ARGS_KEY.value(), List.of(resource)));
    }

    private static Map<String, Object> body(KuraMessage response) {
        return Json.parseObject(new String(response.getPayload().getBody(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cloudFront(Map<String, Object> status) {
        return (Map<String, Object>) status.get("cloudFront");
    }

    private static int code(KuraMessage response) {
        return (Integer) response.getPayload().getMetric(KuraResponsePayload.METRIC_RESPONSE_CODE);
    }

    /** The counters once nothing is pending (a prediction is counted after the sink took it). */
    private Map<String, Object> settledCounters() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!Long.valueOf(0).equals(counters().get("pending")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return counters();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counters() {
        return (Map<String, Object>) front.describe().get("counters");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> delivery() {
        return (Map<String, Object>) ((Map<String, Object>) front.describe().get("cloudFront")).get("delivery");
    }
}

package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.core.json.Json;
import org.leantta.kura.mqtt.RecordingOutbox.Message;

/** The worker side with a fake model and a recording outbox: what goes in is answered, in order, on the topics. */
class PipelineTest {
    private static final Topics TOPICS = new Topics("leantta", "gw-1");
    private static final long NO_WAIT = 0;

    private final FakeModel model = new FakeModel();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final Stats stats = new Stats();
    private Pipeline pipeline;
    private Commands commands;

    @AfterEach
    void closePipeline() throws InterruptedException {
        model.release();
        outbox.release();
        if (pipeline != null) {
            pipeline.close();
        }
    }

    // --- predictions --------------------------------------------------------------------------------------------

    @Test
    void aPredictionCarriesTheSampleAndTheAnswer() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Sample("cam1", "m-1", 1_700_000_000_000L, new float[] {1, 0, 0, 0}, Encoding.FLOAT32));

        Message m = outbox.awaitOne();
        assertThat(m.topic()).isEqualTo("leantta/gw-1/predictions/cam1");
        assertThat(m.json()).containsOnlyKeys("sensor", "id", "ts", "class", "label", "confidence", "shift",
                "outOfDistribution", "adapted", "latencyMicros");
        assertThat(m.json()).containsEntry("sensor", "cam1").containsEntry("id", "m-1")
                .containsEntry("ts", 1.7e12).containsEntry("class", 1.0).containsEntry("label", "dog")
                .containsEntry("confidence", 0.75).containsEntry("shift", 0.125)
                .containsEntry("outOfDistribution", false).containsEntry("adapted", true)
                .containsEntry("latencyMicros", 250.0);
        assertThat(counters()).containsEntry("received", 1L).containsEntry("predicted", 1L);
    }

    @Test
    void aPredictionWithTheUnadaptedAnswerReportsItToo() throws Exception {
        givenPipeline(10, NO_WAIT);
        model.answer = x -> new Prediction(0, "cat", 0.5f, 0.9f, true, true, 300, 2, 0.25f);

        whenAccepted(sample("cam1", "m-1", 0));

        Message m = outbox.awaitOne();
        assertThat(m.json()).containsEntry("class", 0.0).containsEntry("outOfDistribution", true)
                .containsEntry("sourceClass", 2.0).containsEntry("sourceLabel", "bird")
                .containsEntry("sourceConfidence", 0.25);
        assertThat(counters()).containsEntry("outOfDistribution", 1L);
    }

    @Test
    void aSampleThePredictorRefusesIsReportedAndLaterSamplesAreStillAnsweredInOrder() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(sample("cam1", "a", 0), new Item.Sample("cam1", "bad", 1, new float[3], Encoding.FLOAT32, 27),
                sample("cam1", "b", 2), sample("cam2", "c", 1));

        List<Message> out = outbox.await(4);
        assertThat(out).extracting(Message::topic).containsExactly("leantta/gw-1/predictions/cam1",
                "leantta/gw-1/errors", "leantta/gw-1/predictions/cam1", "leantta/gw-1/predictions/cam2");
        assertThat(out).extracting(m -> m.json().get("id")).containsExactly("a", "bad", "b", "c");
        assertThat(out.get(1).json()).containsEntry("topic", "leantta/gw-1/sensors/cam1")
                .containsEntry("sensor", "cam1").containsEntry("reason", "sample has 3 values, the model expects 4")
                .containsEntry("payloadBytes", 27.0).containsKey("ts");
        assertThat(counters()).containsEntry("predicted", 3L).containsEntry("rejected", 1L);
    }

    @Test
    void anInferenceFailureIsReportedAndTheWorkerGoesOn() throws Exception {
        givenPipeline(10, NO_WAIT);
        model.answer = x -> {
            if (x[0] == 0) {
                throw new IllegalStateException("session closed");
            }
            return FakeModel.byFirstValue(x);
        };

        whenAccepted(sample("cam1", "a", 0), sample("cam1", "b", 1));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(0).json()).containsEntry("reason", "inference failed: session closed")
                .containsEntry("id", "a");
        assertThat(out.get(1).json()).containsEntry("id", "b").containsEntry("label", "dog");
    }

    @Test
    void aDecoderRejectionIsReportedOnTheErrorsTopic() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Rejected("leantta/gw-1/sensors/cam1", "cam1", "m-9", "empty payload", 0));

        Message m = outbox.awaitOne();
        assertThat(m.topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(m.json()).containsEntry("topic", "leantta/gw-1/sensors/cam1").containsEntry("sensor", "cam1")
                .containsEntry("id", "m-9").containsEntry("reason", "empty payload")
                .containsEntry("payloadBytes", 0.0);
    }

    // --- queue --------------------------------------------------------------------------------------------------

    @Test
    void whenTheQueueStaysFullTheOverflowIsDroppedAndReportedAndNothingThatFitIsLost() throws Exception {
        givenPipeline(1, 20);
        givenTheWorkerIsBusyWith(sample("cam1", "busy", 0));

        whenAccepted(sample("cam1", "queued", 1));
        whenAccepted(sample("cam1", "overflow", 2));
        model.release();

        List<Message> out = outbox.await(3);
        assertThat(out).extracting(m -> m.json().get("id")).containsExactly("busy", "queued", "overflow");
        assertThat(out.get(2).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(2).json()).containsEntry("sensor", "cam1");
        assertThat((String) out.get(2).json().get("reason")).startsWith("dropped: the inference queue stayed full")
                .contains("raise queue.size");
        assertThat(counters()).containsEntry("received", 3L).containsEntry("dropped", 1L)
                .containsEntry("predicted", 2L);
    }

    @Test
    void reconfiguringKeepsQueuedItemsAndAnswersThemOnTheNewTopicsAndOutbox() throws Exception {
        givenPipeline(5, NO_WAIT);
        givenTheWorkerIsBusyWith(sample("cam1", "busy", 0));
        whenAccepted(sample("cam1", "q1", 1), sample("cam1", "q2", 2));
        RecordingOutbox next = new RecordingOutbox();

        pipeline.reconfigure(new MqttSink(new Topics("plant/leantta", "gw-2"), next), 1, NO_WAIT);
        model.release();

        List<Message> out = next.await(3);
        assertThat(out).extracting(Message::topic).containsOnly("plant/leantta/gw-2/predictions/cam1");
        assertThat(out).extracting(m -> m.json().get("id")).containsExactly("busy", "q1", "q2");
        assertThat(outbox.pending()).isEmpty();
        assertThat(pipeline.describe()).containsEntry("queue", Map.of("size", 0, "capacity", 1));
    }

    // --- publishing ---------------------------------------------------------------------------------------------

    @Test
    void aMessageTheOldOutboxRefusesDuringAReconfigurationGoesToTheNewOne() throws Exception {
        givenPipeline(10, NO_WAIT);
        outbox.refuseNext(1);
        outbox.holdPublications();
        whenAccepted(sample("cam1", "m-1", 1));
        assertThat(outbox.awaitHeld()).as("worker is publishing").isTrue();
        RecordingOutbox next = new RecordingOutbox();

        pipeline.reconfigure(new MqttSink(TOPICS, next), 10, NO_WAIT);
        outbox.release();

        Message m = next.awaitOne();
        assertThat(m.json()).containsEntry("id", "m-1");
        whenAccepted(sample("cam1", "m-2", 2));
        assertThat(next.awaitOne().json()).containsEntry("id", "m-2");
        assertThat(counters()).containsEntry("publishFailures", 0L);
    }

    @Test
    void aRefusedPublicationIsCountedAndTheWorkerGoesOn() throws Exception {
        givenPipeline(10, NO_WAIT);
        outbox.refuseNext(2);

        whenAccepted(sample("cam1", "lost", 1), new Item.Command("status", "r-1", Map.of()),
                sample("cam1", "m-2", 2));

        // the worker answers in order: once m-2 is out, the earlier messages were tried
        Message m = outbox.awaitOne();
        assertThat(m.json()).containsEntry("id", "m-2");
        assertThat(counters()).containsEntry("publishFailures", 2L);
    }

    // --- commands -----------------------------------------------------------------------------------------------

    @Test
    void statusMergesTheModelsAndTheBridgesStatus() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("status", "r-1", Map.of()));

        Message m = outbox.awaitOne();
        assertThat(m.topic()).isEqualTo("leantta/gw-1/replies/r-1");
        assertThat(m.json()).containsEntry("requestId", "r-1").containsEntry("command", "status")
                .containsEntry("status", 200.0).containsEntry("message", "ok")
                .containsEntry("pid", "fake.model").containsEntry("adaptation", Map.of("enabled", true))
                .containsEntry("bridge", Map.of("connected", true)).containsKey("counters");
        assertThat(counters()).containsEntry("commands", 1L).containsEntry("rejected", 0L);
    }

    @Test
    void resetEnableAndDisableReachTheModel() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", "r-1", Map.of()), new Item.Command("disable", "r-2", Map.of()),
                new Item.Command("enable", "r-3", Map.of()));

        List<Message> out = outbox.await(3);
        assertThat(out).extracting(m -> m.json().get("message")).containsExactly(
                "source statistics restored, adaptation state cleared", "adaptation disabled", "adaptation enabled");
        assertThat(out).extracting(m -> m.json().get("status")).containsOnly(200.0);
        assertThat(model.calls()).containsExactly("reset", "setEnabled(false)", "setEnabled(true)");
    }

    @Test
    void anUnknownCommandIsAnswered400AndReported() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("frobnicate", "r-1", Map.of()));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(0).json()).containsEntry("id", "r-1").containsEntry("reason",
                "command frobnicate: unknown command 'frobnicate': expected one of reset, enable, disable, "
                        + "rollback, status, configuration");
        assertThat(out.get(1).topic()).isEqualTo("leantta/gw-1/replies/r-1");
        assertThat(out.get(1).json()).containsEntry("status", 400.0).containsEntry("command", "frobnicate")
                .containsEntry("message", "unknown command 'frobnicate': expected one of reset, enable, disable, "
                        + "rollback, status, configuration");
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void anInvalidRequestIdIsAnswered400OnAnAutomaticId() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", "a/b#", Map.of()));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(0).json()).containsEntry("id", "a/b#");
        Message reply = out.get(1);
        assertThat(reply.topic()).matches("leantta/gw-1/replies/reset-\\d+-1");
        assertThat(reply.topic()).endsWith("/" + reply.json().get("requestId"));
        assertThat(reply.json()).containsEntry("status", 400.0);
        assertThat((String) reply.json().get("message")).startsWith("requestId must be 1-128 letters, digits or "
                + "._:-").endsWith("got \"a/b#\"");
        assertThat(model.calls()).as("the command is not run").isEmpty();
    }

    @Test
    void aMissingRequestIdGetsAnAutomaticOne() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", null, Map.of()), new Item.Command("reset", null, Map.of()));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).matches("leantta/gw-1/replies/reset-\\d+-1");
        assertThat(out.get(1).topic()).matches("leantta/gw-1/replies/reset-\\d+-2");
        assertThat(out.get(0).json()).containsEntry("status", 200.0);
        assertThat(model.calls()).containsExactly("reset", "reset");
    }

    @Test
    void aRollbackWithoutAPreviousConfigurationIsAnswered400() throws Exception {
        givenPipeline(10, NO_WAIT);
        model.rollbackAvailable = false;

        whenAccepted(new Item.Command("rollback", "r-1", Map.of()));

        List<Message> out = outbox.await(2);
        assertThat(out.get(1).json()).containsEntry("status", 400.0)
                .containsEntry("message", "no previous configuration to roll back to");
        model.rollbackAvailable = true;
        whenAccepted(new Item.Command("rollback", "r-2", Map.of()));
        assertThat(outbox.awaitOne().json()).containsEntry("status", 200.0)
                .containsEntry("message", "previous configuration restored");
    }

    @Test
    void aFailingModelIsAnswered500() throws Exception {
        givenPipeline(10, NO_WAIT);
        model.failure = new IllegalStateException("could not switch adaptation: disk full");

        whenAccepted(new Item.Command("enable", "r-1", Map.of()));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(1).json()).containsEntry("status", 500.0)
                .containsEntry("message", "enable failed: could not switch adaptation: disk full");
    }

    @Test
    void aMalformedCommandBodyIsAnswered400() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", "r-1", Map.of(), "malformed JSON at offset 3: expected ':'"));

        List<Message> out = outbox.await(2);
        assertThat(out.get(1).json()).containsEntry("status", 400.0).containsEntry("message",
                "command body must be empty or a JSON object: malformed JSON at offset 3: expected ':'");
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void aWellFormedBodyWithAnErrorFieldIsExecuted() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", "r-1", Map.of("error", "operator note")));

        assertThat(outbox.awaitOne().json()).containsEntry("status", 200.0);
        assertThat(model.calls()).containsExactly("reset");
    }

    @Test
    void withATokenACommandWithoutItIsAnswered403ReportedAndNotRun() throws Exception {
        givenPipeline(10, NO_WAIT);
        commands.guard(CommandGuard.of("s3cret-token", ""));

        whenAccepted(new Item.Command("disable", "r-1", Map.of()));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(0).json()).containsEntry("id", "r-1").containsEntry("topic",
                "leantta/gw-1/commands/disable").containsEntry("reason", "command disable: not authorized: this "
                + "gateway requires a command token: put \"token\" in the command body");
        assertThat(out.get(1).topic()).isEqualTo("leantta/gw-1/replies/r-1");
        assertThat(out.get(1).json()).containsEntry("status", 403.0).containsEntry("command", "disable");
        assertThat(model.calls()).isEmpty();
        assertThat(counters()).containsEntry("commands", 1L).containsEntry("rejected", 1L);
    }

    @Test
    void withATokenEveryCommandIsCheckedEvenStatusAndUnknownOnes() throws Exception {
        givenPipeline(10, NO_WAIT);
        commands.guard(CommandGuard.of("s3cret-token", ""));

        whenAccepted(new Item.Command("status", "r-1", Map.of("token", "guess")),
                new Item.Command("frobnicate", "r-2", Map.of()),
                new Item.Command("reset", "r-3", Map.of(), "malformed JSON at offset 3: expected ':'"));

        List<Message> replies = outbox.await(6).stream().filter(m -> m.topic().contains("/replies/")).toList();
        assertThat(replies).extracting(m -> m.json().get("status")).containsExactly(403.0, 403.0, 403.0);
        assertThat(replies.get(0).json()).containsEntry("message", "not authorized: wrong command token")
                .doesNotContainKey("counters");
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void theRightTokenRunsTheCommandAndIsNeverEchoed() throws Exception {
        givenPipeline(10, NO_WAIT);
        commands.guard(CommandGuard.of("s3cret-token", ""));

        whenAccepted(new Item.Command("disable", "r-1", Map.of("token", "s3cret-token")),
                new Item.Command("status", "r-2", Map.of("token", "s3cret-token")),
                new Item.Command("reset", "r-3", Map.of("token", "s3cret-token-wrong")));

        List<Message> out = outbox.await(4);
        assertThat(out).extracting(m -> m.json().get("status")).containsExactly(200.0, 200.0, null, 403.0);
        assertThat(model.calls()).containsExactly("setEnabled(false)");
        assertThat(out).allSatisfy(m -> assertThat(Json.compact(m.json())).doesNotContain("s3cret"));
    }

    @Test
    void aTokenSetOrClearedByAnUpdateAppliesToTheNextCommand() throws Exception {
        givenPipeline(10, NO_WAIT);
        commands.guard(CommandGuard.of("s3cret-token", ""));
        whenAccepted(new Item.Command("reset", "r-1", Map.of()));
        assertThat(outbox.await(2).get(1).json()).containsEntry("status", 403.0);

        commands.guard(CommandGuard.OPEN);
        whenAccepted(new Item.Command("reset", "r-2", Map.of()));

        assertThat(outbox.awaitOne().json()).containsEntry("status", 200.0);
        assertThat(model.calls()).containsExactly("reset");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void givenPipeline(int capacity, long timeoutMs) {
        commands = new Commands(model, () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bridge", Map.of("connected", true));
            m.putAll(pipeline.describe());
            return m;
        });
        pipeline = new Pipeline(model, commands, stats, new MqttSink(TOPICS, outbox), capacity, timeoutMs);
    }

    private void givenTheWorkerIsBusyWith(Item.Sample s) throws InterruptedException {
        model.holdPredictions();
        whenAccepted(s);
        assertThat(model.awaitHeld()).as("worker took the first sample").isTrue();
    }

    private void whenAccepted(Item... items) {
        for (Item item : items) {
            pipeline.accept(item);
        }
    }

    private static Item.Sample sample(String sensor, String id, int classIndex) {
        return new Item.Sample(sensor, id, 1L, new float[] {classIndex, 0, 0, 0}, Encoding.FLOAT32);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counters() {
        return (Map<String, Object>) pipeline.describe().get("counters");
    }
}

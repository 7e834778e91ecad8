package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.core.json.Json;
import org.leantta.kura.mqtt.RecordingOutbox.Message;

/**
 * The worker side with a fake model, the backlog, its forwarder and a recording outbox: what goes in is answered,
 * in order, on the topics, and the counters say what became of every input.
 */
class PipelineTest {
    private static final Topics TOPICS = new Topics("leantta", "gw-1");
    private static final long NO_WAIT = 0;

    private final FakeModel model = new FakeModel();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final Stats stats = new Stats();
    private Backlog backlog = new Backlog(100, 1 << 20);
    private Pipeline pipeline;
    private Commands commands;
    private Forwarder forwarder;

    @AfterEach
    void closePipeline() throws InterruptedException {
        model.release();
        outbox.release();
        if (pipeline != null) {
            pipeline.close();
            forwarder.close();
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
        awaitCounters("predicted", 1L);
        assertThat(counters()).containsEntry("received", 1L).containsEntry("pending", 0L);
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
        awaitCounters("predicted", 3L);
        assertThat(counters()).containsEntry("rejected", 1L).containsEntry("received", 4L);
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
        assertThat(out.get(2).json()).containsEntry("sensor", "cam1")
                .containsEntry("topic", "leantta/gw-1/sensors/cam1");
        assertThat((String) out.get(2).json().get("reason")).isEqualTo("dropped: the inference queue (1) stayed "
                + "full for 20 ms (raise queue.size or send less); 1 dropped since the start");
        awaitCounters("predicted", 2L);
        assertThat(counters()).containsEntry("received", 3L).containsEntry("dropped", 1L)
                .containsEntry("rejected", 0L).containsEntry("pending", 0L);
    }

    @Test
    void reconfiguringKeepsQueuedItemsAndAnswersThemOnTheNewTopicsAndOutbox() throws Exception {
        givenPipeline(5, NO_WAIT);
        givenTheWorkerIsBusyWith(sample("cam1", "busy", 0));
        whenAccepted(sample("cam1", "q1", 1), sample("cam1", "q2", 2));

        pipeline.reconfigure(new MqttSink(new Topics("plant/leantta", "gw-2"), backlog), 1, NO_WAIT);
        model.release();

        List<Message> out = outbox.await(3);
        assertThat(out).extracting(Message::topic).containsOnly("plant/leantta/gw-2/predictions/cam1");
        assertThat(out).extracting(m -> m.json().get("id")).containsExactly("busy", "q1", "q2");
        assertThat(pipeline.describe()).containsEntry("queue", Map.of("size", 0, "capacity", 1));
    }

    // --- publishing -------------------------------------------------------------------------------------------

    @Test
    void whileTheBrokerIsAwayAnswersAreHeldAndCountedPredictedOnlyOnceHandedOver() throws Exception {
        givenPipeline(10, NO_WAIT);
        outbox.connect(false);

        whenAccepted(sample("cam1", "m-1", 1), new Item.Rejected("t", "cam1", "bad", "empty payload", 0),
                sample("cam1", "m-2", 2));
        awaitCounters("pending", 2L);

        assertThat(counters()).containsEntry("received", 3L).containsEntry("predicted", 0L)
                .containsEntry("rejected", 1L);
        assertThat(backlog.describe()).containsEntry("held", 3);
        outbox.connect(true);
        List<Message> out = outbox.await(3);
        assertThat(out).extracting(m -> m.json().get("id")).containsExactly("m-1", "bad", "m-2");
        awaitCounters("predicted", 2L);
        assertThat(counters()).containsEntry("pending", 0L);
    }

    @Test
    void pastTheBacklogCapTheOldestAreDroppedCountedAndReportedFirstOnceTheLinkIsBack() throws Exception {
        backlog = new Backlog(3, 1 << 20);
        givenPipeline(10, NO_WAIT);
        outbox.connect(false);

        for (int i = 0; i < 5; i++) {
            whenAccepted(sample("cam1", "m-" + i, 1));
        }
        awaitCounters("dropped", 2L);
        outbox.connect(true);

        List<Message> out = outbox.await(4);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(0).json()).containsEntry("droppedPredictions", 2.0).containsEntry("droppedErrors", 0.0)
                .containsEntry("droppedReplies", 0.0);
        assertThat((String) out.get(0).json().get("reason")).startsWith("2 answers were dropped")
                .contains("at most 3 messages");
        assertThat(out.subList(1, 4)).extracting(m -> m.json().get("id")).containsExactly("m-2", "m-3", "m-4");
        awaitCounters("predicted", 3L);
        assertThat(counters()).containsEntry("received", 5L).containsEntry("dropped", 2L)
                .containsEntry("pending", 0L);
    }

    @Test
    void aPredictionWhoseTopicWouldBeIllegalIsAnErrorReportNamingTheReason() throws Exception {
        givenPipeline(10, NO_WAIT);
        String sensor = "s".repeat(65_535 - "leantta/gw-1/sensors/".length());

        whenAccepted(sample(sensor, "long", 1), sample("cam1", "next", 2));

        List<Message> out = outbox.await(2);
        assertThat(out.get(0).topic()).isEqualTo("leantta/gw-1/errors");
        assertThat(out.get(0).json()).containsEntry("id", "long").containsEntry("reason", "cannot publish a "
                + "prediction for this sensor: its predictions topic would be 65539 bytes of UTF-8, over MQTT's "
                + "limit of 65535");
        assertThat(out.get(1).json()).containsEntry("id", "next");
        awaitCounters("predicted", 1L);
        assertThat(counters()).containsEntry("received", 2L).containsEntry("rejected", 1L);
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void aPublicationTheClientRefusesIsCountedAndTheWorkerGoesOn() throws Exception {
        givenPipeline(10, NO_WAIT);
        outbox.refuseNext(2);

        whenAccepted(sample("cam1", "lost", 1), new Item.Command("status", "r-1", Map.of()),
                sample("cam1", "m-2", 2));

        // answers go out in order: once m-2 is out, the earlier messages were tried
        Message m = outbox.awaitOne();
        assertThat(m.json()).containsEntry("id", "m-2");
        awaitCounters("predicted", 1L);
        assertThat(counters()).containsEntry("publishFailures", 2L).containsEntry("dropped", 1L)
                .containsEntry("received", 2L).containsEntry("pending", 0L);
    }

    @Test
    void anItemIsDoneOnceAnsweredOrDropped() throws Exception {
        givenPipeline(1, NO_WAIT);
        givenTheWorkerIsBusyWith(sample("cam1", "busy", 0));
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch dropped = new CountDownLatch(1);
        pipeline.accept(sample("cam1", "queued", 1), queued::countDown);

        pipeline.accept(sample("cam1", "dropped", 1), dropped::countDown);
        assertThat(queued.getCount()).as("not answered yet").isEqualTo(1);
        model.release();

        assertThat(queued.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(dropped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outbox.await(3)).extracting(m -> m.json().get("id")).containsExactly("busy", "queued", "dropped");
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
        assertThat(counters()).containsEntry("commands", 1L).containsEntry("received", 0L)
                .containsEntry("rejected", 0L).containsEntry("refusedCommands", 0L);
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
        Message reply = out.get(1);
        assertThat(out.get(0).json()).containsEntry("id", reply.json().get("requestId"));
        assertThat(reply.topic()).matches("leantta/gw-1/replies/reset-\\d+-1");
        assertThat(reply.topic()).endsWith("/" + reply.json().get("requestId"));
        assertThat(reply.json()).containsEntry("status", 400.0);
        assertThat((String) reply.json().get("message")).startsWith("requestId must be 1-128 letters, digits or "
                + "._:-").endsWith("got \"a/b#\"");
        assertThat(model.calls()).as("the command is not run").isEmpty();
        assertThat(counters()).containsEntry("refusedCommands", 1L).containsEntry("rejected", 0L);
    }

    @Test
    void aLongRequestIdIsNeverEchoedBeyondTheCap() throws Exception {
        givenPipeline(10, NO_WAIT);
        String huge = "r".repeat(1 << 20);

        whenAccepted(new Item.Command("status", huge, Map.of()), new Item.Command("status", "x".repeat(129), Map.of()));

        List<Message> out = outbox.await(4);
        assertThat((String) out.get(1).json().get("message")).endsWith("got \"" + "r".repeat(32) + "\"... (1048576 "
                + "characters)");
        assertThat((String) out.get(3).json().get("message")).endsWith("(129 characters)");
        assertThat(out).allSatisfy(m -> assertThat(m.json().toString()).hasSizeLessThan(400));
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
        // commands are counted apart from samples (received = predicted + rejected + dropped + pending)
        assertThat(counters()).containsEntry("commands", 1L).containsEntry("refusedCommands", 1L)
                .containsEntry("rejected", 0L);
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

    // --- fleet groups -------------------------------------------------------------------------------------------

    @Test
    void aGroupCommandIsAnsweredOnTheDevicesRepliesTopicWithItsDeviceAndGroup() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", "g-1", Map.of()).inGroup("line-a"));

        Message m = outbox.awaitOne();
        assertThat(m.topic()).isEqualTo("leantta/gw-1/replies/g-1");
        assertThat(m.json()).containsEntry("status", 200.0).containsEntry("device", "gw-1")
                .containsEntry("group", "line-a").doesNotContainKey("duplicate");
        assertThat(model.calls()).containsExactly("reset");
    }

    @Test
    void aGroupCommandDeliveredTwiceIsAppliedOnceAndAnsweredTwice() throws Exception {
        givenPipeline(10, NO_WAIT);
        Item.Command reset = new Item.Command("reset", "g-7", Map.of()).inGroup("line-a");

        whenAccepted(reset, reset, new Item.Command("reset", "g-7", Map.of()).inGroup("line-b"));

        List<Message> out = outbox.await(3);
        assertThat(out).extracting(m -> m.json().get("duplicate")).containsExactly(null, true, null);
        assertThat(out).extracting(m -> m.json().get("status")).containsOnly(200.0);
        assertThat(model.calls()).as("the same requestId in another group is another command")
                .containsExactly("reset", "reset");
        assertThat(counters()).containsEntry("commands", 3L);
    }

    @Test
    void aGroupRequestIdReusedForAnotherCommandIsRefusedNotAnsweredWithTheOldReply() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("disable", "g-2", Map.of()).inGroup("line-a"),
                new Item.Command("enable", "g-2", Map.of()).inGroup("line-a"));

        List<Message> out = outbox.await(3);
        Message second = out.stream().filter(m -> "enable".equals(m.json().get("command"))).findFirst().orElseThrow();
        assertThat(second.json()).containsEntry("status", 409.0).doesNotContainKey("duplicate");
        assertThat((String) second.json().get("message")).contains("was used for 'disable' in group line-a");
        assertThat(out).filteredOn(m -> m.topic().equals("leantta/gw-1/errors")).singleElement()
                .satisfies(m -> assertThat(m.json()).containsEntry("topic", "leantta/fleet/line-a/commands/enable"));
        assertThat(model.calls()).containsExactly("setEnabled(false)");
        assertThat(counters()).containsEntry("refusedCommands", 1L);
    }

    @Test
    void aGroupCommandRefusedForItsTokenDoesNotShadowTheAuthorizedOneWithTheSameRequestId() throws Exception {
        givenPipeline(10, NO_WAIT);
        commands.guard(CommandGuard.of("s3cret-token", ""));

        whenAccepted(new Item.Command("status", "g-3", Map.of()).inGroup("line-a"),
                new Item.Command("reset", "g-3", Map.of("token", "s3cret-token")).inGroup("line-a"));

        List<Message> out = outbox.await(3);
        assertThat(out).filteredOn(m -> m.topic().endsWith("/replies/g-3")).extracting(m -> m.json().get("status"))
                .containsExactly(403.0, 200.0);
        assertThat(model.calls()).containsExactly("reset");
    }

    @Test
    void aDeviceCommandIsNotDeduplicated() throws Exception {
        givenPipeline(10, NO_WAIT);

        whenAccepted(new Item.Command("reset", "r-1", Map.of()), new Item.Command("reset", "r-1", Map.of()));

        outbox.await(2);
        assertThat(model.calls()).containsExactly("reset", "reset");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void givenPipeline(int capacity, long timeoutMs) {
        commands = new Commands(model, () -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bridge", Map.of("connected", true));
            m.putAll(pipeline.describe());
            return m;
        });
        pipeline = new Pipeline(model, commands, stats, new MqttSink(TOPICS, backlog), capacity, timeoutMs);
        forwarder = new Forwarder(backlog, TOPICS::errors, stats::publishFailed);
        forwarder.attach(outbox);
    }

    /** Waits up to 5 s for a counter to reach a value (the forwarder counts on its own thread). */
    private void awaitCounters(String counter, long value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Long.valueOf(value).equals(counters().get(counter)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(counters()).containsEntry(counter, value);
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

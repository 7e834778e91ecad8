package org.leantta.kura.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.api.Encoding;
import org.leantta.kura.Configs;
import org.leantta.kura.LogScoresModel;
import org.leantta.kura.mqtt.Commands;
import org.leantta.kura.mqtt.Item;
import org.leantta.kura.mqtt.Pipeline;
import org.leantta.kura.mqtt.Sink;
import org.leantta.kura.mqtt.Stats;

/** The model component in the pipeline: a sample with NaN scores is answered as an error report, not a prediction. */
class NonFiniteScoresPipelineTest {
    @TempDir
    Path tmp;
    private final RecordingSink sink = new RecordingSink();
    private LeanTtaModel model;
    private Pipeline pipeline;

    @AfterEach
    void close() throws InterruptedException {
        if (pipeline != null) {
            pipeline.close();
        }
        if (model != null) {
            model.deactivate();
        }
    }

    @Test
    void aSampleWithNaNScoresBecomesAnErrorReportAndIsCountedAsRejected() throws Exception {
        givenPipelineOnTheLogScoresModel();

        pipeline.accept(new Item.Sample("cam1", "ok-1", 1L, LogScoresModel.FINITE, Encoding.FLOAT32, 16));
        pipeline.accept(new Item.Sample("cam1", "nan", 2L, LogScoresModel.NAN, Encoding.FLOAT32, 21));
        pipeline.accept(new Item.Sample("cam1", "ok-2", 3L, LogScoresModel.FINITE, Encoding.FLOAT32, 16));

        List<Answer> out = sink.await(3);
        assertThat(out).extracting(Answer::kind).containsExactly("prediction", "error", "prediction");
        assertThat(out).extracting(a -> a.body().get("id")).containsExactly("ok-1", "nan", "ok-2");
        assertThat(out.get(1).body()).containsEntry("sensor", "cam1").containsEntry("payloadBytes", 21)
                .doesNotContainKeys("class", "label", "confidence");
        assertThat((String) out.get(1).body().get("reason")).startsWith(
                "inference failed: the model produced non-finite scores (NaN) for this sample: 1 of 4 class scores");
        // the worker counts a prediction once the sink has taken it: wait until nothing is pending
        long deadline = System.currentTimeMillis() + 5_000;
        while (!Long.valueOf(0).equals(counters().get("pending")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(counters()).containsEntry("received", 3L).containsEntry("predicted", 2L)
                .containsEntry("rejected", 1L).containsEntry("pending", 0L);
    }

    private void givenPipelineOnTheLogScoresModel() throws Exception {
        Map<String, Object> p = Map.of("model.path", LogScoresModel.write(tmp).toString(), "adapted.layers", "all");
        model = new LeanTtaModel(new FakeConfigurationAdmin().service(), Configs.of(LeanTtaModelConfig.class, p));
        pipeline = new Pipeline(model, new Commands(model, Map::of), new Stats(), sink, 10, 0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counters() {
        return (Map<String, Object>) pipeline.describe().get("counters");
    }

    private record Answer(String kind, Map<String, Object> body) {
    }

    /** A front that records what the pipeline hands it, in order. */
    private static final class RecordingSink implements Sink {
        private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

        List<Answer> await(int n) throws InterruptedException {
            List<Answer> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (out.size() < n) {
                Answer a = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(a).as("answer %d of %d within 10 s, got %s", out.size() + 1, n, out).isNotNull();
                out.add(a);
            }
            return out;
        }

        @Override
        public boolean prediction(String sensor, Map<String, Object> prediction) {
            return answers.add(new Answer("prediction", prediction));
        }

        @Override
        public boolean error(Map<String, Object> report) {
            return answers.add(new Answer("error", report));
        }

        @Override
        public boolean reply(String requestId, Map<String, Object> reply) {
            return answers.add(new Answer("reply", reply));
        }

        @Override
        public String sampleOrigin(String sensor) {
            return "test/sensors/" + sensor;
        }

        @Override
        public String commandOrigin(String command) {
            return "test/commands/" + command;
        }
    }
}

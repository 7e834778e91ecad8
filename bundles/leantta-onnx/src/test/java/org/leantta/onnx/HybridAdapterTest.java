package org.leantta.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.hybrid.HybridSettings;

class HybridAdapterTest {
    private static final Adaptation KNOBS = Adaptation.of(0.85f, 0.9f);
    // margin 1: the estimate is always trusted, so its effect shows in the answers
    private static final HybridSettings SETTINGS = new HybridSettings(0.05, 2, 0.5, 0.1, 1.0, 4, 0.1);

    @Test
    void aFreshStateAnswersExactlyAsStatelessLeanTtaAndResetReturnsToIt() throws Exception {
        ModelProto source = TinyModels.nchw(5, 13);
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(source);
        try (LeanTtaSession session = LeanTtaSession.adapted(compiled, SessionSettings.defaults());
             Knobs knobs = session.knobs(KNOBS)) {
            Random r = new Random(4);
            float[] probe = CompiledGraphTest.shiftedInput(r, 1, session.sampleSize());
            Output stateless = session.run(probe, 1, KNOBS);
            HybridAdapter hybrid = new HybridAdapter(session, SETTINGS);

            HybridAdapter.Step first = hybrid.predict(probe, knobs);
            assertThat(first.output().logits()).containsExactly(stateless.logits());
            assertThat(first.sourceShift()).isEqualTo(stateless.shift(0, null), org.assertj.core.api.Assertions.within(1e-6f));

            float[] drifted = new float[session.sampleSize()];
            HybridAdapter.Step last = null;
            for (int i = 0; i < 100; i++) {
                float[] x = CompiledGraphTest.shiftedInput(r, 1, session.sampleSize());
                for (int k = 0; k < x.length; k++) {
                    drifted[k] = x[k] * 2.5f + 1.5f;   // a sensor whose gain and offset drifted, for good
                }
                last = hybrid.predict(drifted, knobs);
            }
            float driftedStateless = session.run(drifted, 1, KNOBS).shift(0, null);
            assertThat(last.sourceShift()).as("one run's score, once the estimate learned the drift, is what is left "
                    + "after its correction").isLessThan(driftedStateless - 0.05f);
            assertThat((double) hybrid.describe().get("statelessShift")).as("the stream's own drift, from the trust "
                    + "check's stateless runs").isCloseTo(driftedStateless, within(0.05));
            float[] adapted = hybrid.predict(probe, knobs).output().logits();
            assertThat(CompiledGraphTest.maxAbsDiff(adapted, stateless.logits()))
                    .as("the estimate moved with the drifted stream").isGreaterThan(1e-3);

            HybridAdapter.Step exact = hybrid.predict(probe, knobs, true);
            assertThat(exact.sourceShift()).as("the exact score is the stateless one, whatever the estimate")
                    .isEqualTo(stateless.shift(0, null));

            hybrid.reset();
            assertThat(hybrid.predict(probe, knobs).output().logits()).containsExactly(stateless.logits());
            assertThat(hybrid.describe()).containsEntry("lastAnchorCause", "reset").containsEntry("samplesSinceAnchor", 1L);
        }
    }

    @Test
    void aPlainSessionIsRefused() throws Exception {
        try (LeanTtaSession plain = LeanTtaSession.plain(TinyModels.nchw(5, 13).toByteArray(),
                SessionSettings.defaults())) {
            assertThatThrownBy(() -> new HybridAdapter(plain, SETTINGS)).hasMessageContaining("adapted layers");
        }
    }
}

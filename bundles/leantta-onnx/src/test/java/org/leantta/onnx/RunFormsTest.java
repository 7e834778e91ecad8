package org.leantta.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leantta.onnx.CompiledGraphTest.assertClose;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.core.WeightRule;
import org.leantta.core.graph.CompiledModel;
import org.leantta.core.graph.LayerSelection;
import org.leantta.core.graph.LeanTtaCompiler;
import org.leantta.core.graph.Onnx;

/** The frozen and anchored run forms against the form that feeds every knob. */
class RunFormsTest {
    private static final float[][] ANCHOR_MEAN = {{0.3f, -0.2f, 0.1f}, null};
    private static final float[][] ANCHOR_VAR = {{0.5f, 1.5f, 0.9f}, null};
    private static final Adaptation KNOBS = new Adaptation(0.6f, 0.8f, new float[] {1f, 0.5f}, ANCHOR_MEAN,
            ANCHOR_VAR);
    @TempDir
    Path tmp;

    @Test
    void frozenAndAnchoredSessionsAnswerAsTheFedOne() throws Exception {
        for (boolean single : new boolean[] {false, true}) {
            LeanTtaCompiler compiler = new LeanTtaCompiler(WeightRule.PAPER, LayerSelection.all());
            CompiledModel compiled = (single ? compiler.singleSample() : compiler).compile(TinyModels.nchw(9, 13));
            int batch = single ? 1 : 4;
            try (LeanTtaSession fed = LeanTtaSession.adapted(compiled, SessionSettings.defaults());
                 LeanTtaSession frozen = LeanTtaSession.frozen(compiled, KNOBS, SessionSettings.defaults());
                 LeanTtaSession anchored = LeanTtaSession.anchored(compiled, KNOBS, SessionSettings.defaults());
                 Knobs fedKnobs = fed.knobs(KNOBS);
                 Knobs anchoredKnobs = anchored.knobs(KNOBS)) {
                float[] x = CompiledGraphTest.shiftedInput(new Random(5), batch, fed.sampleSize());
                Output want = fed.run(x, batch, fedKnobs, true);
                assertSame(frozen.run(x, batch), want, false);
                assertSame(anchored.run(x, batch, anchoredKnobs, true), want, true);
                assertThat(want.divergence()[0][0]).as("a divergence that shows").isGreaterThan(0.01f);
            }
        }
    }

    private static void assertSame(Output got, Output want, boolean statistics) {
        assertClose(got.logits(), want.logits(), 1e-6);
        for (int l = 0; l < want.divergence().length; l++) {
            assertClose(got.divergence()[l], want.divergence()[l], 1e-6);
            if (statistics) {
                assertClose(got.sampleMean()[l], want.sampleMean()[l], 1e-6);
                assertClose(got.sampleVar()[l], want.sampleVar()[l], 1e-6);
            }
        }
    }

    @Test
    void onnxRuntimeFoldsTheTermsOfTheKnobsOfAFrozenSession() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).singleSample()
                .compile(TinyModels.nchw(9, 13));
        Set<String> frozen = optimizedOps("frozen", s -> LeanTtaSession.frozen(compiled, KNOBS, s));
        Set<String> fed = optimizedOps("fed", s -> LeanTtaSession.adapted(compiled, s));
        // Split (of the mask and anchors), Sqrt and Div (of the anchor variance) read knobs only
        assertThat(fed).contains("Split", "Sqrt", "Div");
        assertThat(frozen).doesNotContain("Split", "Sqrt", "Div").contains("BatchNormalization", "ReduceMean");
    }

    private interface Opener {
        LeanTtaSession open(SessionSettings s) throws Exception;
    }

    private Set<String> optimizedOps(String tag, Opener opener) throws Exception {
        Path file = tmp.resolve(tag + ".onnx");
        try (LeanTtaSession s = opener.open(new SessionSettings(1, file.toString(), null,
                OrtSession.SessionOptions.OptLevel.EXTENDED_OPT))) {
            assertThat(s.sampleSize()).isPositive();
        }
        Set<String> ops = new HashSet<>();
        for (NodeProto n : Onnx.read(file).getGraph().getNodeList()) {
            ops.add(n.getOpType());
        }
        return ops;
    }

    @Test
    void aFrozenSessionRefusesOtherKnobsAndHasNoStatistics() throws Exception {
        CompiledModel compiled = new LeanTtaCompiler(WeightRule.CODE, LayerSelection.all()).compile(
                TinyModels.nchw(9, 13));
        try (LeanTtaSession frozen = LeanTtaSession.frozen(compiled, KNOBS, SessionSettings.defaults());
             LeanTtaSession anchored = LeanTtaSession.anchored(compiled, KNOBS, SessionSettings.defaults())) {
            assertThatThrownBy(() -> frozen.knobs(Adaptation.of(0.6f, 0.8f)))
                    .hasMessageContaining("compiled in").hasMessageContaining("open another session");
            assertThatThrownBy(() -> frozen.run(new float[frozen.sampleSize()], 1, frozen.knobs(KNOBS), true))
                    .hasMessageContaining("no sample statistics");
            assertThatThrownBy(() -> anchored.knobs(KNOBS.withMask(null))).hasMessageContaining("compiled in");
            anchored.knobs(KNOBS.withAnchors(null, null)).close();
        }
    }
}

package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.core.graph.Onnx;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;

/** {@code evaluate} counts an answer with NaN or infinite scores as an error, never as the argmax's class. */
class NonFiniteEvaluationTest {
    private static final int N = 100;
    /** The class the model answers whenever its scores are finite. */
    private static final int CONSTANT_CLASS = 1;

    @TempDir
    Path tmp;

    @Test
    void nonFiniteScoresAreErrorsAndAreReported() throws Exception {
        ImageSet test = Shipped.testSet().limit(N);
        float threshold = splitBetweenMeans(test);
        long nonFinite = 0;
        long wrong = 0;
        for (int i = 0; i < N; i++) {
            boolean finite = mean(test.image(i)) > threshold;
            nonFinite += finite ? 0 : 1;
            wrong += !finite || test.label(i) != CONSTANT_CLASS ? 1 : 0;
        }
        Path json = tmp.resolve("r.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"evaluate", "--model", logOfMeanModel(threshold).toString(), "--limit",
                String.valueOf(N), "--shifts", "none", "--methods", "source", "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(nonFinite).as("the model must give some non-finite and some finite answers").isBetween(1L, N - 1L);
        String j = Files.readString(json);
        assertThat(CommandLineTest.meanError(j, "source")).isCloseTo((double) wrong / N,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(summaryNumber(j, "source", "nonFinite")).isEqualTo(nonFinite);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "non-finite scores (NaN or infinite), counted as errors: source " + nonFinite + " of " + N + " answers");
    }

    /**
     * Ten scores log(mean(x) - threshold) + b with b = one-hot of {@link #CONSTANT_CLASS}: NaN or -Infinity for
     * an image not brighter than the threshold on average, else the constant class.
     */
    private Path logOfMeanModel(float threshold) throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder().setName("log-of-mean");
        g.addInput(Onnx.floatInfo("X", "N", -1, 1, 28, 28));
        float[] bias = new float[10];
        bias[CONSTANT_CLASS] = 1f;
        g.addInitializer(Onnx.floatTensor("threshold", new float[] {threshold}, 1));
        g.addInitializer(Onnx.floatTensor("bias", bias, 10));
        g.addNode(NodeProto.newBuilder().setOpType("ReduceMean").setName("mean").addInput("X").addOutput("m")
                .addAttribute(Onnx.ints("axes", 1, 2, 3)).addAttribute(Onnx.intAttr("keepdims", 1)));
        g.addNode(NodeProto.newBuilder().setOpType("Flatten").setName("flat").addInput("m").addOutput("f")
                .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                        .setI(1)));
        g.addNode(NodeProto.newBuilder().setOpType("Sub").setName("sub").addInput("f").addInput("threshold")
                .addOutput("s"));
        g.addNode(NodeProto.newBuilder().setOpType("Log").setName("log").addInput("s").addOutput("l"));
        g.addNode(NodeProto.newBuilder().setOpType("Add").setName("add").addInput("l").addInput("bias")
                .addOutput("Y"));
        g.addOutput(Onnx.floatInfo("Y", "N", -1, 10));
        ModelProto model = ModelProto.newBuilder().setIrVersion(7).setProducerName("leantta-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(g).build();
        Path file = tmp.resolve("log-of-mean.onnx");
        Files.write(file, model.toByteArray());
        return file;
    }

    /** A threshold halfway between two neighbouring image means near the median, far from both. */
    private static float splitBetweenMeans(ImageSet test) {
        double[] means = new double[N];
        for (int i = 0; i < N; i++) {
            means[i] = mean(test.image(i));
        }
        Arrays.sort(means);
        for (int k = N / 2; k < N - 1; k++) {
            if (means[k + 1] - means[k] > 1e-3) {
                return (float) ((means[k] + means[k + 1]) / 2);
            }
        }
        throw new IllegalStateException("no gap between the image means above the median");
    }

    private static double mean(float[] image) {
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        return sum / image.length;
    }

    private static long summaryNumber(String json, String method, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(method) + "\": \\{[^}]*?\"" + key + "\": ([0-9]+)")
                .matcher(json);
        assertThat(m.find()).as(key + " of " + method).isTrue();
        return Long.parseLong(m.group(1));
    }
}

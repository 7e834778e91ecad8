package org.leantta.kura;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.leantta.core.graph.Onnx;

/**
 * A four-class model whose scores are log(BatchNorm(x)) of a [1, 2, 2] sample (source statistics mean 0, var 1):
 * a sample with a clearly negative value gets a NaN score, one with values well above 0 finite scores.
 */
public final class LogScoresModel {
    /** Finite scores: every value far above the (adapted) mean of the layer. */
    public static final float[] FINITE = {5f, 5.1f, 5.2f, 5.3f};
    /** One NaN score: the first value is below anything the layer subtracts. */
    public static final float[] NAN = {-1f, 2f, 3f, 4f};

    private LogScoresModel() {
    }

    /** Writes the model as {@code dir/log-scores.onnx} and returns its path. */
    public static Path write(Path dir) throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().setName("log-scores");
        g.addInput(Onnx.floatInfo("X", "N", -1, 1, 2, 2));
        g.addInitializer(Onnx.floatTensor("bn.scale", new float[] {1f}, 1));
        g.addInitializer(Onnx.floatTensor("bn.bias", new float[] {0f}, 1));
        g.addInitializer(Onnx.floatTensor("bn.mean", new float[] {0f}, 1));
        g.addInitializer(Onnx.floatTensor("bn.var", new float[] {1f}, 1));
        g.addNode(NodeProto.newBuilder().setOpType("BatchNormalization").setName("bn").addInput("X")
                .addInput("bn.scale").addInput("bn.bias").addInput("bn.mean").addInput("bn.var").addOutput("h"));
        g.addNode(NodeProto.newBuilder().setOpType("Flatten").setName("flatten").addInput("h").addOutput("f")
                .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                        .setI(1)));
        g.addNode(NodeProto.newBuilder().setOpType("Log").setName("log").addInput("f").addOutput("Y"));
        g.addOutput(Onnx.floatInfo("Y", "N", -1, 4));
        ModelProto model = ModelProto.newBuilder().setIrVersion(7).setProducerName("leantta-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(g).build();
        Path file = dir.resolve("log-scores.onnx");
        Files.write(file, model.toByteArray());
        return file;
    }
}

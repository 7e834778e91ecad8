package org.leantta.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import java.util.Random;
import org.leantta.core.graph.Onnx;

/** Small models generated in code: BatchNorm layers with random statistics, NCHW and NCL. */
final class TinyModels {
    private TinyModels() {
    }

    /** X[N,3,6,5] -> BN -> Relu -> Conv1x1(3->4) -> BN -> Y. */
    static ModelProto nchw(long seed, long opset) {
        Random r = new Random(seed);
        GraphProto.Builder g = GraphProto.newBuilder().setName("tiny-nchw");
        g.addInput(Onnx.floatInfo("X", "N", -1, 3, 6, 5));
        batchNorm(g, r, "bn0", "X", "h0", 3);
        g.addNode(NodeProto.newBuilder().setOpType("Relu").setName("relu0").addInput("h0").addOutput("h1"));
        g.addInitializer(Onnx.floatTensor("w", random(r, 12, 1f), 4, 3, 1, 1));
        g.addNode(NodeProto.newBuilder().setOpType("Conv").setName("conv1").addInput("h1").addInput("w").addOutput("h2"));
        batchNorm(g, r, "bn1", "h2", "Y", 4);
        g.addOutput(Onnx.floatInfo("Y", "N", -1, 4, 6, 5));
        return model(g, opset);
    }

    /** X[N,2,7] -> BN -> Y (a 1-D signal, NCL). */
    static ModelProto ncl(long seed, long opset) {
        Random r = new Random(seed);
        GraphProto.Builder g = GraphProto.newBuilder().setName("tiny-ncl");
        g.addInput(Onnx.floatInfo("X", "N", -1, 2, 7));
        batchNorm(g, r, "bn0", "X", "Y", 2);
        g.addOutput(Onnx.floatInfo("Y", "N", -1, 2, 7));
        return model(g, opset);
    }

    /** X[N,3] -> Relu -> Y: no BatchNorm at all. */
    static ModelProto withoutBatchNorm() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("no-bn");
        g.addInput(Onnx.floatInfo("X", "N", -1, 3));
        g.addNode(NodeProto.newBuilder().setOpType("Relu").setName("relu").addInput("X").addOutput("Y"));
        g.addOutput(Onnx.floatInfo("Y", "N", -1, 3));
        return model(g, 13);
    }

    private static void batchNorm(GraphProto.Builder g, Random r, String name, String in, String out, int c) {
        g.addInitializer(Onnx.floatTensor(name + ".scale", random(r, c, 1.5f), c));
        g.addInitializer(Onnx.floatTensor(name + ".bias", random(r, c, 0.5f), c));
        g.addInitializer(Onnx.floatTensor(name + ".mean", random(r, c, 0.8f), c));
        float[] var = random(r, c, 0.5f);
        for (int i = 0; i < c; i++) {
            var[i] = Math.abs(var[i]) + 0.2f;
        }
        g.addInitializer(Onnx.floatTensor(name + ".var", var, c));
        g.addNode(NodeProto.newBuilder().setOpType("BatchNormalization").setName(name).addInput(in)
                .addInput(name + ".scale").addInput(name + ".bias").addInput(name + ".mean").addInput(name + ".var")
                .addOutput(out).addAttribute(AttributeProto.newBuilder().setName("epsilon")
                        .setType(AttributeProto.AttributeType.FLOAT).setF(1e-3f)));
    }

    static float[] random(Random r, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    private static ModelProto model(GraphProto.Builder g, long opset) {
        return ModelProto.newBuilder().setIrVersion(opset >= 18 ? 8 : 7).setProducerName("leantta-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(g).build();
    }
}

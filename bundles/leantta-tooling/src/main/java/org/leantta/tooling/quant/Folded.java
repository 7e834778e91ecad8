package org.leantta.tooling.quant;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import org.leantta.core.graph.Onnx;

/**
 * A Conv with its BatchNormalization folded in: w' = w*gamma/sigma, b' = (b - mu)*gamma/sigma + beta,
 * sigma = sqrt(var + eps). Also the per-channel map back from the folded output y to the conv's own
 * output x = a*y + b (a = sigma/gamma, b = mu - a*beta; a = 0 where gamma ~ 0, whose output is constant).
 */
record Folded(float[] weights, long[] weightDims, float[] bias, float[] unfoldScale, float[] unfoldShift) {

    static Folded of(GraphProto g, NodeProto conv, NodeProto bn) {
        TensorProto wt = Onnx.constant(g, conv.getInput(1)).orElseThrow(() -> new IllegalArgumentException(
                "Conv " + conv.getName() + ": weights '" + conv.getInput(1) + "' are not constant"));
        float[] w = Onnx.floats(wt);
        long[] dims = wt.getDimsList().stream().mapToLong(Long::longValue).toArray();
        int m = (int) dims[0];
        int per = w.length / m;
        float[] b = conv.getInputCount() > 2 && !conv.getInput(2).isEmpty()
                ? Onnx.floatConstant(g, conv.getInput(2), "Conv " + conv.getName()) : new float[m];
        float[] a = new float[m];
        float[] shift = new float[m];
        if (bn == null) {
            java.util.Arrays.fill(a, 1f);
            return new Folded(w, dims, b, a, shift);
        }
        String owner = "BatchNormalization " + bn.getName();
        float[] gamma = Onnx.floatConstant(g, bn.getInput(1), owner);
        float[] beta = Onnx.floatConstant(g, bn.getInput(2), owner);
        float[] mu = Onnx.floatConstant(g, bn.getInput(3), owner);
        float[] var = Onnx.floatConstant(g, bn.getInput(4), owner);
        float eps = Onnx.floatAttribute(bn, "epsilon", 1e-5f);
        float[] fw = new float[w.length];
        float[] fb = new float[m];
        for (int c = 0; c < m; c++) {
            double sigma = Math.sqrt(var[c] + eps);
            double k = gamma[c] / sigma;
            for (int i = 0; i < per; i++) {
                fw[c * per + i] = (float) (w[c * per + i] * k);
            }
            fb[c] = (float) ((b[c] - mu[c]) * k + beta[c]);
            a[c] = Math.abs(gamma[c]) < 1e-6f ? 0f : (float) (sigma / gamma[c]);
            shift[c] = mu[c] - a[c] * beta[c];
        }
        return new Folded(fw, dims, fb, a, shift);
    }

    int channels() {
        return (int) weightDims[0];
    }
}

package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leantta.core.WeightRule;

/**
 * The knob inputs and the terms computed from them alone, shared by the layers: once per run, or never when
 * the knobs are compiled in as constants (the runtime folds these terms at load).
 *
 * <p>With alpha_max_l = mask_l * (1 - tau) the blending factor of layer l is
 * alpha = alpha_max_l * (1 - clip(w, 0, 1)), written floor_l + slope_l * g(d): for the code rule g(d) = d,
 * slope = -lambda * alpha_max and a Relu for the clip (lambda * d >= 0); for the paper rule g(d) = d^lambda,
 * which is in [0, 1] already, and slope = -alpha_max.
 */
final class KnobTerms {
    final String oneMinusTau;
    final List<String> floor;
    final List<String> slope;
    final List<String> anchorMean = new ArrayList<>();
    final List<String> anchorVar = new ArrayList<>();

    private KnobTerms(String oneMinusTau, List<String> floor, List<String> slope) {
        this.oneMinusTau = oneMinusTau;
        this.floor = floor;
        this.slope = slope;
    }

    /** Adds the knob inputs (with their defaults) and the shared terms. */
    static KnobTerms emit(Emitter emit, GraphProto.Builder out, List<AdaptedLayer> layers, WeightRule rule,
                          boolean channelLayout) {
        int n = layers.size();
        addInput(out, GraphNames.TAU, new float[] {LeanTtaCompiler.DEFAULT_TAU}, 1);
        addInput(out, GraphNames.LAMBDA, new float[] {LeanTtaCompiler.DEFAULT_LAMBDA}, 1);
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        addInput(out, GraphNames.MASK, ones, n);
        float[] anchors = Packing.sourceStatistics(layers);
        addInput(out, GraphNames.ANCHORS, anchors, anchors.length);
        String omt = emit.op("Sub", "leantta/one_minus_tau", emit.constant(1f), GraphNames.TAU);
        String alphaMax = emit.op("Mul", "leantta/alpha_max", GraphNames.MASK, omt);
        String slope = rule == WeightRule.CODE
                ? emit.op("Mul", "leantta/slope", alphaMax, emit.op("Neg", "leantta/neg_lambda", GraphNames.LAMBDA))
                : emit.op("Neg", "leantta/slope", alphaMax);
        KnobTerms k = new KnobTerms(omt, emit.split(alphaMax, n), emit.split(slope, n));
        k.splitAnchors(emit, layers, channelLayout);
        return k;
    }

    /** Per layer its anchor mean and variance from the packed input, in the layer's vector shape. */
    private void splitAnchors(Emitter emit, List<AdaptedLayer> layers, boolean channelLayout) {
        long[] sizes = new long[2 * layers.size()];
        for (AdaptedLayer l : layers) {
            sizes[2 * l.index()] = l.channels();
            sizes[2 * l.index() + 1] = l.channels();
        }
        List<String> pieces = emit.split(GraphNames.ANCHORS, sizes);
        for (AdaptedLayer l : layers) {
            Layout layout = new Layout(channelLayout, l.rank());
            anchorMean.add(shaped(emit, pieces.get(2 * l.index()), layout, l.channels()));
            anchorVar.add(shaped(emit, pieces.get(2 * l.index() + 1), layout, l.channels()));
        }
    }

    private static String shaped(Emitter emit, String piece, Layout layout, int channels) {
        return layout.channel() ? piece : emit.reshape(piece + "/shaped", piece, layout.vectorDims(channels));
    }

    private static void addInput(GraphProto.Builder out, String name, float[] defaults, long... dims) {
        out.addInitializer(Onnx.floatTensor(name, defaults, dims));
        out.addInput(Onnx.floatInfo(name, "", dims));
    }
}

package org.leantta.onnx;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leantta.core.LayerStats;
import org.leantta.core.graph.AdaptedLayer;
import org.leantta.core.hybrid.HybridSettings;
import org.leantta.core.hybrid.HybridState;

/**
 * LeanTTA with a bounded memory over one stream: every sample is corrected against the current estimate of the
 * environment's statistics (fed to the compiled graph as its anchor inputs, no rebuild), and the sample
 * statistics the graph returns update that estimate. Every few samples (every sample while the estimate is
 * distrusted) the stateless answer is computed too, to check that the estimate does not make predictions less
 * confident; while it does, the stateless answer is served. Samples must come one at a time, in stream order;
 * calls are serialized. The session is shared and not closed here.
 */
public final class HybridAdapter {
    private final LeanTtaSession session;
    private final HybridState state;

    /**
     * The result of one sample: the graph's output, the shift score against the source (see
     * {@link #predict(float[], Knobs, boolean)} for what it measures), a re-anchoring and its cause (null without
     * one), whether the trust in the estimate changed with this sample and what it is now.
     */
    public record Step(Output output, float sourceShift, boolean reanchored, String anchorCause,
                       boolean trustChanged, boolean trusted) {
    }

    /**
     * @param session a compiled session that takes the anchors per run: {@link LeanTtaSession#anchored} (the
     *                fastest) or {@link LeanTtaSession#adapted}
     */
    public HybridAdapter(LeanTtaSession session, HybridSettings settings) {
        this(session, new HybridState(sourceStatistics(session), settings));
    }

    private HybridAdapter(LeanTtaSession session, HybridState state) {
        this.session = session;
        this.state = state;
    }

    private static List<LayerStats> sourceStatistics(LeanTtaSession session) {
        if (session.layers().isEmpty()) {
            throw new IllegalArgumentException("the hybrid needs a compiled session with adapted layers");
        }
        List<LayerStats> source = new ArrayList<>();
        for (AdaptedLayer l : session.layers()) {
            source.add(l.stats());
        }
        return source;
    }

    /** The session this adapter runs on. */
    public LeanTtaSession session() {
        return session;
    }

    /**
     * This stream's state (what it learned so far) on another session of the same compiled model, e.g. one
     * with other tau or lambda compiled in. This adapter must not be used after.
     */
    public synchronized HybridAdapter on(LeanTtaSession other) {
        if (!sameLayers(other.layers(), session.layers())) {
            throw new IllegalArgumentException("the other session adapts other layers; start a new state instead");
        }
        return new HybridAdapter(other, state);
    }

    /** Same names and channel counts (two compilations of a model hold equal statistics in distinct arrays). */
    private static boolean sameLayers(List<AdaptedLayer> a, List<AdaptedLayer> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || a.get(i).channels() != b.get(i).channels()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Predicts one sample and learns from it.
     *
     * @param stateless   the knobs of the per-sample correction (tau, lambda, mask) with the source anchors, as
     *                    made by {@link LeanTtaSession#knobs}; they serve the stateless runs as they are
     * @param sourceShift also run stateless on every sample, so that {@link Step#sourceShift()} is exactly the
     *                    stateless shift score. Without it (one run per sample but on the trust check's samples),
     *                    the score is computed from the sample statistics of the run with the estimate, against
     *                    the source statistics: exact at the first adapted layer; deeper layers see activations
     *                    already corrected by the estimate, so once it has adapted to a persistent shift they
     *                    read lower than stateless LeanTTA would, while a sample unlike the estimate's
     *                    environment still reads high
     */
    public synchronized Step predict(float[] sample, Knobs stateless, boolean sourceShift) throws OrtException {
        Adaptation adaptation = stateless.adaptation();
        Output withEstimate;
        try (Knobs k = session.withAnchors(stateless, state.anchorMean(), state.anchorVar())) {
            withEstimate = session.run(sample, 1, k, true);
        }
        Output served = withEstimate;
        Output plain = null;
        boolean probe = state.probeDue();
        boolean trustedBefore = state.trusted();
        if (probe || sourceShift) {
            plain = session.run(sample, 1, stateless);
        }
        if (probe) {
            state.compare(withEstimate.confidence(0), plain.confidence(0));
            state.observeStatelessShift(plain.shift(0, adaptation.mask()));
            if (!state.trusted()) {
                served = plain;
            }
        }
        float shift = sourceShift ? plain.shift(0, adaptation.mask())
                : (float) state.sourceShift(withEstimate.sampleMean(), adaptation.tau());
        boolean reanchored = state.observe(withEstimate.sampleMean(), withEstimate.sampleVar(),
                withEstimate.shift(0, adaptation.mask()));
        return new Step(served, shift, reanchored, reanchored ? state.lastAnchorCause() : null,
                state.trusted() != trustedBefore, state.trusted());
    }

    /** {@link #predict(float[], Knobs, boolean)} without the exact shift score. */
    public Step predict(float[] sample, Knobs stateless) throws OrtException {
        return predict(sample, stateless, false);
    }

    /** Forgets the environment: the next sample is corrected against the source statistics. */
    public synchronized void reset() {
        state.reset();
    }

    /**
     * Samples seen, samples since the last anchor, anchors and the last one's cause, the trust check, the
     * smoothed stateless shift score of the trust check's samples ({@code statelessShift}), the state's size.
     */
    public synchronized Map<String, Object> describe() {
        return state.describe();
    }
}

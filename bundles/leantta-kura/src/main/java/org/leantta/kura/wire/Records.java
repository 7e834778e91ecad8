package org.leantta.kura.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.type.TypedValue;
import org.eclipse.kura.type.TypedValues;
import org.eclipse.kura.wire.WireRecord;
import org.leantta.api.Prediction;

/** The records the Wire component emits: one per record received, a prediction or an error. */
final class Records {
    static final String CLASS = "class";
    static final String LABEL = "label";
    static final String CONFIDENCE = "confidence";
    static final String SHIFT = "shift";
    static final String OUT_OF_DISTRIBUTION = "outOfDistribution";
    static final String ADAPTED = "adapted";
    static final String LATENCY = "latencyMicros";
    static final String TIMESTAMP = "timestamp";
    /** The reason a record could not be classified; an error record has no prediction properties. */
    static final String ERROR = "error";
    /** Kura's Wire Asset names itself here; copied so that downstream components know the source. */
    static final String ASSET_NAME = "assetName";

    private Records() {
    }

    static WireRecord prediction(Prediction p, List<String> labels, Long timestamp, WireRecord input) {
        Map<String, TypedValue<?>> m = base(timestamp, input);
        m.put(CLASS, TypedValues.newIntegerValue(p.classIndex()));
        m.put(LABEL, TypedValues.newStringValue(p.label()));
        m.put(CONFIDENCE, TypedValues.newFloatValue(p.confidence()));
        m.put(SHIFT, TypedValues.newFloatValue(p.shift()));
        m.put(OUT_OF_DISTRIBUTION, TypedValues.newBooleanValue(p.outOfDistribution()));
        m.put(ADAPTED, TypedValues.newBooleanValue(p.adapted()));
        m.put(LATENCY, TypedValues.newLongValue(p.latencyMicros()));
        if (p.hasSource()) {
            m.put("sourceClass", TypedValues.newIntegerValue(p.sourceClass()));
            m.put("sourceLabel", TypedValues.newStringValue(labels.get(p.sourceClass())));
            m.put("sourceConfidence", TypedValues.newFloatValue(p.sourceConfidence()));
        }
        return new WireRecord(m);
    }

    static WireRecord error(String reason, WireRecord input) {
        Map<String, TypedValue<?>> m = base(null, input);
        m.put(ERROR, TypedValues.newStringValue(reason));
        return new WireRecord(m);
    }

    /** The input's time (else now) and, from a Wire Asset, its name. */
    private static Map<String, TypedValue<?>> base(Long timestamp, WireRecord input) {
        Map<String, TypedValue<?>> m = new LinkedHashMap<>();
        m.put(TIMESTAMP, TypedValues.newLongValue(timestamp != null ? timestamp : System.currentTimeMillis()));
        TypedValue<?> asset = input == null ? null : input.getProperties().get(ASSET_NAME);
        if (asset != null) {
            m.put(ASSET_NAME, asset);
        }
        return m;
    }
}

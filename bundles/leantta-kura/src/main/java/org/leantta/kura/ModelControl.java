package org.leantta.kura;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leantta.api.AdaptationControl;
import org.leantta.api.Predictor;

/**
 * The commands of the model a front serves. A front picks one model with its {@code Predictor.target} filter; the
 * LeanTTA model registers one service object for both Predictor and AdaptationControl, so the commands go to the
 * same model. A Predictor without commands answers them with an error that says so.
 */
public final class ModelControl {
    /** The default {@code Predictor.target}: any LeanTTA model (one filter that every Predictor service matches). */
    public static final String ANY_MODEL = "(objectClass=org.leantta.api.Predictor)";

    private ModelControl() {
    }

    public static AdaptationControl of(Predictor predictor) {
        return predictor instanceof AdaptationControl c ? c : new None(predictor.getClass().getName());
    }

    private record None(String type) implements AdaptationControl {
        @Override
        public void reset() {
            throw refused();
        }

        @Override
        public void setEnabled(boolean enabled) {
            throw refused();
        }

        @Override
        public boolean rollback() {
            throw refused();
        }

        @Override
        public Map<String, Object> status() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ready", true);
            m.put("model", type + " (takes no commands)");
            return m;
        }

        private UnsupportedOperationException refused() {
            return new UnsupportedOperationException("the model chosen by Predictor.target (" + type
                    + ") takes no commands: choose a LeanTTA model");
        }
    }
}

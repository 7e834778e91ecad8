package org.leantta.kura.model;

import java.util.Set;
import java.util.TreeSet;
import org.leantta.onnx.Output;

/**
 * Keeps non-finite scores from becoming predictions: an argmax over NaN names an arbitrary class, so such a
 * sample is refused with the cause, and the front reports it on its errors channel instead.
 */
final class FiniteScores {
    private FiniteScores() {
    }

    /**
     * Throws unless every class score of sample 0 and the shift score are finite numbers.
     *
     * @param model who answered, as the message names it ("the model", "the unadapted model")
     */
    static void require(Output out, float shift, String model) {
        Set<String> kinds = new TreeSet<>();
        int bad = 0;
        for (int k = 0; k < out.classes(); k++) {
            float v = out.logits()[k];
            if (!Float.isFinite(v)) {
                kinds.add(String.valueOf(v));
                bad++;
            }
        }
        if (!Float.isFinite(shift)) {
            kinds.add(String.valueOf(shift));
        }
        if (kinds.isEmpty()) {
            return;
        }
        String shiftToo = Float.isFinite(shift) ? "" : bad > 0 ? ", and the shift score is " + shift
                : "the shift score is " + shift;
        throw new IllegalStateException(model + " produced non-finite scores (" + String.join(", ", kinds)
                + ") for this sample: " + (bad > 0 ? bad + " of " + out.classes() + " class scores are not finite"
                : "") + shiftToo + "; no prediction is published. Check the model file and the input scaling "
                + "(input.scale, input.offset) against the values the model was trained on");
    }
}

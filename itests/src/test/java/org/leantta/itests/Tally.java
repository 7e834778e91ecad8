package org.leantta.itests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What a gateway published, sorted as it arrives: predictions by sample id, error reports, replies by id. */
final class Tally {
    final Map<String, Integer> predictions = new HashMap<>();
    final List<Map<String, Object>> errors = new ArrayList<>();
    final Map<String, Map<String, Object>> replies = new HashMap<>();
    /** When each reply arrived, and how many predictions had arrived by then. */
    final Map<String, Long> replyNanos = new HashMap<>();
    final Map<String, Integer> predictionsBeforeReply = new HashMap<>();
    int predictionCount;
    /** The longest refusal of a command (reply or error report), in characters of its body. */
    int largestCommandAnswer;

    void add(MqttProbe.Received r) {
        boolean refusal = r.topic().contains("/replies/") && !Double.valueOf(200).equals(r.body().get("status"));
        if (refusal || String.valueOf(r.body().get("topic")).contains("/commands/")) {
            largestCommandAnswer = Math.max(largestCommandAnswer, r.body().toString().length());
        }
        if (r.topic().contains("/predictions/")) {
            predictions.merge(String.valueOf(r.body().get("id")), 1, Integer::sum);
            predictionCount++;
        } else if (r.topic().endsWith("/errors")) {
            errors.add(r.body());
        } else if (r.topic().contains("/replies/")) {
            String id = r.topic().substring(r.topic().lastIndexOf('/') + 1);
            replies.put(id, r.body());
            replyNanos.put(id, System.nanoTime());
            predictionsBeforeReply.put(id, predictionCount);
        }
    }

    /** Takes what the client received until the condition holds; fails after the timeout saying what was awaited. */
    void until(LiveClient client, BooleanSupplier done, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!done.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("not within " + timeoutMs + " ms: " + what + " (predictions "
                        + predictionCount + ", errors " + errors.size() + ", replies " + replies.size() + ")");
            }
            MqttProbe.Received r = client.poll(Math.min(left, 100));
            if (r != null) {
                add(r);
            }
        }
    }

    /** Takes what arrived already, without waiting. */
    void drain(LiveClient client) throws InterruptedException {
        for (MqttProbe.Received r = client.poll(0); r != null; r = client.poll(0)) {
            add(r);
        }
    }

    /** Error reports about inputs whose origin contains {@code part} (e.g. "/sensors/" or "/commands/"). */
    long errorsFrom(String part) {
        return errors.stream().filter(e -> String.valueOf(e.get("topic")).contains(part)).count();
    }
}

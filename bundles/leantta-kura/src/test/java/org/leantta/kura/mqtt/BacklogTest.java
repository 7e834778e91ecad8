package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.leantta.core.json.Json;

/** Store and forward: oldest first, bounded in messages and bytes, drops counted by kind and reported once. */
class BacklogTest {
    private final List<String> receipts = new ArrayList<>();

    @Test
    void messagesComeOutOldestFirstAndAPutBackOneStaysFirst() throws Exception {
        Backlog b = new Backlog(10, 1 << 20);
        b.add(message(Backlog.Kind.PREDICTION, "a"));
        b.add(message(Backlog.Kind.REPLY, "b"));

        Backlog.Message first = b.take(0, TimeUnit.MILLISECONDS);
        b.putBack(first);

        assertThat(text(b.take(0, TimeUnit.MILLISECONDS))).isEqualTo("a");
        assertThat(text(b.take(0, TimeUnit.MILLISECONDS))).isEqualTo("b");
        assertThat(b.take(0, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void pastTheMessageCapTheOldestAreDroppedAndTheirReceiptsSaySo() {
        Backlog b = new Backlog(2, 1 << 20);

        for (String id : new String[] {"a", "b", "c", "d"}) {
            b.add(message(Backlog.Kind.PREDICTION, id));
        }

        assertThat(receipts).containsExactly("dropped a", "dropped b");
        assertThat(b.describe()).containsEntry("held", 2)
                .containsEntry("dropped", Map.of("predictions", 2L, "errors", 0L, "replies", 0L, "events", 0L));
    }

    @Test
    void pastTheByteCapTheOldestAreDroppedToo() {
        Backlog b = new Backlog(100, 25);

        b.add(message(Backlog.Kind.ERROR, "aaaaaaaaaa"));  // 10 bytes of payload + 1 of topic
        b.add(message(Backlog.Kind.ERROR, "bbbbbbbbbb"));
        b.add(message(Backlog.Kind.ERROR, "cccccccccc"));

        assertThat(receipts).containsExactly("dropped aaaaaaaaaa");
        assertThat(b.describe()).containsEntry("held", 2).containsEntry("heldBytes", 22L);
    }

    @Test
    void dropsAreReportedOnceWithTheirCountsByKind() {
        Backlog b = new Backlog(1, 1 << 20);
        b.add(message(Backlog.Kind.PREDICTION, "a"));
        b.add(message(Backlog.Kind.ERROR, "b"));
        b.add(message(Backlog.Kind.REPLY, "c"));

        Backlog.Message report = b.dropReport("gw/errors");

        assertThat(report.topic()).isEqualTo("gw/errors");
        Map<String, Object> json = Json.parseObject(new String(report.payload(), StandardCharsets.UTF_8));
        assertThat(json).containsEntry("droppedPredictions", 1.0).containsEntry("droppedErrors", 1.0)
                .containsEntry("droppedReplies", 0.0);
        assertThat((String) json.get("reason")).startsWith("2 answers were dropped").contains("at most 1 messages");
        assertThat(b.dropReport("gw/errors")).as("reported once").isNull();
    }

    @Test
    void aReportThatIsItselfDroppedLeavesItsCountsToTheNextOne() {
        Backlog b = new Backlog(1, 1 << 20);
        b.add(message(Backlog.Kind.PREDICTION, "a"));
        b.add(message(Backlog.Kind.PREDICTION, "b"));

        b.dropReport("gw/errors").receipt().dropped();

        Map<String, Object> json = Json.parseObject(new String(b.dropReport("gw/errors").payload(),
                StandardCharsets.UTF_8));
        assertThat(json).containsEntry("droppedPredictions", 1.0);
    }

    @Test
    void loweringTheCapsDropsAtOnce() {
        Backlog b = new Backlog(10, 1 << 20);
        b.add(message(Backlog.Kind.PREDICTION, "a"));
        b.add(message(Backlog.Kind.PREDICTION, "b"));

        b.setCaps(1, 1 << 20);

        assertThat(receipts).containsExactly("dropped a");
        assertThat(b.size()).isEqualTo(1);
    }

    private Backlog.Message message(Backlog.Kind kind, String text) {
        return new Backlog.Message(kind, "t", text.getBytes(StandardCharsets.UTF_8),
                Receipt.of(() -> receipts.add("delivered " + text), () -> receipts.add("dropped " + text)));
    }

    private static String text(Backlog.Message m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }
}

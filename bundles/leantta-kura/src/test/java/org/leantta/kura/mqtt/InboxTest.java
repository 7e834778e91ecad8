package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded FIFO between the MQTT client and the worker. */
class InboxTest {
    private final Inbox<String> inbox = new Inbox<>(2);

    @Test
    void itemsComeOutInArrivalOrder() throws Exception {
        givenQueued("a", "b");

        assertThat(inbox.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("a");
        assertThat(inbox.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("b");
        assertThat(inbox.size()).isZero();
    }

    @Test
    void pollOnAnEmptyInboxGivesNullAfterTheTimeout() throws Exception {
        long start = System.nanoTime();

        assertThat(inbox.poll(20, TimeUnit.MILLISECONDS)).isNull();

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void offerToAFullInboxFailsAfterTheTimeout() throws Exception {
        givenQueued("a", "b");
        long start = System.nanoTime();

        assertThat(inbox.offer("c", 20, TimeUnit.MILLISECONDS)).isFalse();

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(inbox.size()).isEqualTo(2);
        assertThat(inbox.offer("c", 0, TimeUnit.MILLISECONDS)).as("no wait at all").isFalse();
    }

    @Test
    void aWaitingOfferGetsInWhenRoomIsMade() throws Exception {
        givenQueued("a", "b");
        CompletableFuture<Boolean> offered = CompletableFuture.supplyAsync(() -> offer("c", 10_000));

        assertThat(inbox.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("a");

        assertThat(offered.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(drain()).containsExactly("b", "c");
    }

    @Test
    void aPollWaitsForTheNextItem() throws Exception {
        CompletableFuture<String> polled = CompletableFuture.supplyAsync(() -> poll(10_000));

        givenQueued("a");

        assertThat(polled.get(5, TimeUnit.SECONDS)).isEqualTo("a");
    }

    @Test
    void shrinkingKeepsEverythingAndTakesNothingMoreUntilDrainedBelowTheNewSize() throws Exception {
        Inbox<String> big = new Inbox<>(4);
        for (String s : new String[] {"a", "b", "c"}) {
            assertThat(big.offer(s, 0, TimeUnit.MILLISECONDS)).isTrue();
        }

        big.setCapacity(1);

        assertThat(big.capacity()).isEqualTo(1);
        assertThat(big.size()).isEqualTo(3);
        assertThat(big.offer("d", 0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(big.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("a");
        assertThat(big.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("b");
        assertThat(big.offer("d", 0, TimeUnit.MILLISECONDS)).as("still 1 of 1").isFalse();
        assertThat(big.poll(0, TimeUnit.MILLISECONDS)).isEqualTo("c");
        assertThat(big.offer("d", 0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void growingLetsAWaitingOfferIn() throws Exception {
        givenQueued("a", "b");
        CompletableFuture<Boolean> offered = CompletableFuture.supplyAsync(() -> offer("c", 10_000));

        inbox.setCapacity(3);

        assertThat(offered.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(drain()).containsExactly("a", "b", "c");
    }

    @Test
    void forceAddsBeyondTheCapacity() throws Exception {
        givenQueued("a", "b");

        inbox.force("report");

        assertThat(inbox.size()).isEqualTo(3);
        assertThat(drain()).containsExactly("a", "b", "report");
    }

    @Test
    void urgentItemsGoFirstInTheirOwnOrderAndNeverWaitForRoom() throws Exception {
        givenQueued("a", "b");

        inbox.urgent("status-1");
        inbox.urgent("status-2");

        assertThat(inbox.size()).isEqualTo(4);
        assertThat(drain()).containsExactly("status-1", "status-2", "a", "b");
    }

    @Test
    void anUrgentItemWakesAWaitingPoll() throws Exception {
        CompletableFuture<String> polled = CompletableFuture.supplyAsync(() -> poll(10_000));

        inbox.urgent("status");

        assertThat(polled.get(5, TimeUnit.SECONDS)).isEqualTo("status");
    }

    private void givenQueued(String... items) throws InterruptedException {
        for (String s : items) {
            assertThat(inbox.offer(s, 0, TimeUnit.MILLISECONDS)).isTrue();
        }
    }

    private List<String> drain() throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (String s = inbox.poll(0, TimeUnit.MILLISECONDS); s != null; s = inbox.poll(0, TimeUnit.MILLISECONDS)) {
            out.add(s);
        }
        return out;
    }

    private boolean offer(String s, long timeoutMs) {
        try {
            return inbox.offer(s, timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String poll(long timeoutMs) {
        try {
            return inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.leantta.core.json.Json;

/**
 * An outbox that keeps what is published, in order; it can be disconnected (publications are then retried), refuse
 * messages for good, or hold the publisher.
 */
final class RecordingOutbox implements Outbox {
    record Message(String topic, Map<String, Object> json) {
    }

    private final BlockingQueue<Message> published = new LinkedBlockingQueue<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Gate gate = new Gate();
    private volatile boolean connected = true;

    @Override
    public Result publish(String topic, byte[] payload) {
        if (!connected) {
            return Result.RETRY;
        }
        if (!gate.pass("publication")) {
            return Result.RETRY;
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Result.REFUSED;
        }
        published.add(new Message(topic, Json.parseObject(new String(payload, StandardCharsets.UTF_8))));
        return Result.SENT;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public synchronized void awaitChange(long timeoutMs) throws InterruptedException {
        wait(timeoutMs);
    }

    /** Connects or disconnects: while disconnected, nothing is published and everything waits. */
    synchronized void connect(boolean up) {
        connected = up;
        notifyAll();
    }

    /** The next {@code n} publications are refused for good, as the client refuses an unencodable message. */
    void refuseNext(int n) {
        refusals.set(n);
    }

    /** From now on, publish waits inside until {@link #release()}. */
    void holdPublications() {
        gate.hold();
    }

    boolean awaitHeld() throws InterruptedException {
        return gate.awaitHeld();
    }

    void release() {
        gate.release();
    }

    /** The next {@code n} messages, waiting up to 5 s for them. */
    List<Message> await(int n) throws InterruptedException {
        List<Message> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.size() < n) {
            Message m = published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(m).as("message %d of %d (got %s)", out.size() + 1, n, out).isNotNull();
            out.add(m);
        }
        return out;
    }

    Message awaitOne() throws InterruptedException {
        return await(1).get(0);
    }

    /** Nothing published so far beyond what was awaited. */
    List<Message> pending() {
        return List.copyOf(published);
    }
}

package org.leantta.kura.mqtt;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the backlog's messages to the current outbox, oldest first, on a thread of its own: the inference worker
 * never waits for the broker, and a full in-flight window or a broker that is away only makes the backlog grow
 * (bounded). Once the link is back, drops are reported on the errors topic before anything else is published.
 */
final class Forwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final long WAIT_MS = 100;
    /** Drops go on while the link is slower than the answers: one report a second at most. */
    private static final long REPORT_INTERVAL_MS = 1000;
    private final Backlog backlog;
    private final Supplier<String> errorsTopic;
    private final Runnable onRefused;
    private final Thread thread;
    private final Object change = new Object();
    private volatile Outbox outbox;
    private volatile boolean running = true;
    private long lastReport;

    Forwarder(Backlog backlog, Supplier<String> errorsTopic, Runnable onRefused) {
        this.backlog = backlog;
        this.errorsTopic = errorsTopic;
        this.onRefused = onRefused;
        this.thread = new Thread(this::run, "leantta-mqtt-forward");
        thread.setDaemon(true);
        thread.start();
    }

    /** Publishes through this outbox from now on; null: hold everything. */
    void attach(Outbox next) {
        outbox = next;
        synchronized (change) {
            change.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                forwardOne();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("forwarder: unexpected failure, continuing", e);
            }
        }
    }

    private void forwardOne() throws InterruptedException {
        Outbox out = outbox;
        if (out == null || !out.connected()) {
            awaitChange(out);
            return;
        }
        reportDrops(out);
        Backlog.Message m = backlog.take(WAIT_MS, TimeUnit.MILLISECONDS);
        if (m == null) {
            return;
        }
        switch (out.publish(m.topic(), m.payload())) {
            case SENT -> m.receipt().delivered();
            case RETRY -> {
                backlog.putBack(m);
                awaitChange(out);
            }
            case REFUSED -> {
                onRefused.run();
                m.receipt().dropped();
            }
        }
    }

    /** Publishes the report of the drops so far, ahead of the held messages and outside the caps. */
    private void reportDrops(Outbox out) {
        long now = System.currentTimeMillis();
        if (now - lastReport < REPORT_INTERVAL_MS) {
            return;
        }
        Backlog.Message report = backlog.dropReport(errorsTopic.get());
        if (report != null) {
            lastReport = now;
            if (out.publish(report.topic(), report.payload()) != Outbox.Result.SENT) {
                report.receipt().dropped();
            }
        }
    }

    private void awaitChange(Outbox out) throws InterruptedException {
        if (out != null) {
            out.awaitChange(WAIT_MS);
            return;
        }
        synchronized (change) {
            if (outbox == null) {
                change.wait(WAIT_MS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}

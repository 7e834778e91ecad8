package org.leantta.kura.mqtt;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test hold a worker inside a fake's method: {@link #hold()}, {@link #awaitHeld()}, {@link #release()}. */
final class Gate {
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    /** From now on, {@link #pass(String)} waits until {@link #release()}. */
    void hold() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    boolean awaitHeld() throws InterruptedException {
        return entered.await(5, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    /** Called by the fake: returns at once unless held; false if interrupted while waiting. */
    boolean pass(String what) {
        entered.countDown();
        try {
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the " + what);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

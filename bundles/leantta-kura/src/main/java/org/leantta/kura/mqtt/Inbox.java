package org.leantta.kura.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO whose capacity can change while it holds items (nothing queued is lost when it shrinks:
 * it just takes no more until it drains below the new size), with an unbounded urgent lane that is served first.
 */
final class Inbox<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<T> urgent = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int capacity;

    Inbox(int capacity) {
        this.capacity = capacity;
    }

    /** Adds an item, waiting up to the timeout for room; false if there was none. */
    boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.size() >= capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            items.addLast(item);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Adds an item even when full (for reports about items that did not fit). */
    void force(T item) {
        lock.lock();
        try {
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Adds an item to the urgent lane, ahead of every ordinary item (urgent items keep their own order). */
    void urgent(T item) {
        lock.lock();
        try {
            urgent.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest urgent item, else the oldest item, waiting up to the timeout; null if none came. */
    T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && urgent.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (!urgent.isEmpty()) {
                return urgent.pollFirst();
            }
            T item = items.pollFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    void setCapacity(int capacity) {
        lock.lock();
        try {
            this.capacity = capacity;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size() + urgent.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        lock.lock();
        try {
            return capacity;
        } finally {
            lock.unlock();
        }
    }
}

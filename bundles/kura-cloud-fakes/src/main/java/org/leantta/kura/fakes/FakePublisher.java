package org.leantta.kura.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;

/** Records what is published, in order; refuses the next messages on demand, as a publisher without a link does. */
public final class FakePublisher implements CloudPublisher {
    private final BlockingQueue<KuraMessage> published = new LinkedBlockingQueue<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public String publish(KuraMessage message) throws KuraException {
        int n = attempts.incrementAndGet();
        if (refusals.getAndUpdate(r -> Math.max(0, r - 1)) > 0) {
            throw new KuraException(KuraErrorCode.NOT_CONNECTED, "fake publisher refuses");
        }
        published.add(message);
        return Integer.toString(n);
    }

    /** The next {@code n} publications throw. */
    public void refuseNext(int n) {
        refusals.set(n);
    }

    /** Forgets what was published so far. */
    public void clear() {
        published.clear();
    }

    /** The next {@code n} messages, waiting up to {@code timeoutMs}; fails with how many came. */
    public List<KuraMessage> await(int n, long timeoutMs) throws InterruptedException {
        List<KuraMessage> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (out.size() < n) {
            KuraMessage m = published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("got " + out.size() + " of " + n + " messages");
            }
            out.add(m);
        }
        return out;
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener listener) {
        // connection events are not simulated
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        // connection events are not simulated
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
        // delivery confirmations are not simulated
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
        // delivery confirmations are not simulated
    }
}

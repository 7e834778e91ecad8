package org.leantta.kura.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;

/** Test doubles of Kura's cloud connection services (Kura's own cloud stack cannot run off a gateway). */
final class FakeCloud {
    private FakeCloud() {
    }

    /** Records what is published; can refuse the next messages as a publisher without a connection does. */
    static final class Publisher implements CloudPublisher {
        private final BlockingQueue<KuraMessage> published = new LinkedBlockingQueue<>();
        private final AtomicInteger refusals = new AtomicInteger();
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public String publish(KuraMessage message) throws KuraException {
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new KuraException(KuraErrorCode.NOT_CONNECTED, "fake publisher refuses");
            }
            published.add(message);
            return Integer.toString(ids.incrementAndGet());
        }

        void refuseNext(int n) {
            refusals.set(n);
        }

        /** The next {@code n} messages, waiting up to 10 s for them. */
        List<KuraMessage> await(int n) throws InterruptedException {
            List<KuraMessage> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (out.size() < n) {
                KuraMessage m = published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("got " + out.size() + " of " + n + " messages: " + out);
                }
                out.add(m);
            }
            return out;
        }

        List<KuraMessage> pending() {
            return List.copyOf(published);
        }

        @Override
        public void registerCloudConnectionListener(CloudConnectionListener listener) {
        }

        @Override
        public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        }

        @Override
        public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
        }

        @Override
        public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
        }
    }

    /** Delivers messages to whoever listens, as a subscription of the cloud connection does. */
    static final class Subscriber implements CloudSubscriber {
        final List<CloudSubscriberListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        void deliver(KuraMessage message) {
            listeners.forEach(l -> l.onMessageArrived(message));
        }

        @Override
        public void registerCloudSubscriberListener(CloudSubscriberListener listener) {
            listeners.add(listener);
        }

        @Override
        public void unregisterCloudSubscriberListener(CloudSubscriberListener listener) {
            listeners.remove(listener);
        }

        @Override
        public void registerCloudConnectionListener(CloudConnectionListener listener) {
        }

        @Override
        public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
        }
    }

    /** Holds request handlers by id. */
    static final class Registry implements RequestHandlerRegistry {
        final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();

        @Override
        public void registerRequestHandler(String id, RequestHandler handler) {
            handlers.put(id, handler);
        }

        @Override
        public void unregister(String id) {
            handlers.remove(id);
        }
    }
}

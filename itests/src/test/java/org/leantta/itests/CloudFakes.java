package org.leantta.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * Test doubles of Kura's cloud connection services, registered as OSGi services by the tests: Kura's own cloud
 * stack (its DataService, MQTT transport and cloud connection factories) cannot run off a gateway.
 */
final class CloudFakes {
    private CloudFakes() {
    }

    /** Records what is published; refuses the next messages on demand, as a publisher without a link does. */
    static final class Publisher implements CloudPublisher {
        private final BlockingQueue<KuraMessage> published = new LinkedBlockingQueue<>();
        private final AtomicInteger refusals = new AtomicInteger();
        private final AtomicInteger attempts = new AtomicInteger();

        @Override
        public String publish(KuraMessage message) throws KuraException {
            int n = attempts.incrementAndGet();
            if (refusals.getAndUpdate(r -> Math.max(0, r - 1)) > 0) {
                throw new KuraException(KuraErrorCode.NOT_CONNECTED, "test publisher refuses");
            }
            published.add(message);
            return Integer.toString(n);
        }

        void clear() {
            published.clear();
        }

        void refuseNext(int n) {
            refusals.set(n);
        }

        List<KuraMessage> await(int n, long timeoutMs) throws InterruptedException {
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

    /** Delivers messages to its listeners, as a subscription of a cloud connection does. */
    static final class Subscriber implements CloudSubscriber {
        final List<CloudSubscriberListener> listeners = new CopyOnWriteArrayList<>();

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

    /** Keeps request handlers by id, as a cloud connection's registry does. */
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

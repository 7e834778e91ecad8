package org.leantta.kura.mqtt;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paho client with a persistent session. Connects in the background and again after every loss
 * ({@link Backoff}: within about 2 s of the broker's return), subscribes to its filters on every connection, and
 * hands each message over, acknowledging it to the broker only once the pipeline has answered it (manual
 * acknowledgements: what is not answered yet stays with the broker). The bridge runs two: one for samples,
 * whose receiver may wait for room in the inference queue (holding the broker back), and one for commands that
 * also publishes every answer, whose receiver never waits, so acknowledgements of our publications are always
 * read and a command is never stuck behind samples. {@link #publish} never waits: it says RETRY instead.
 */
final class Connection implements MqttCallbackExtended, Outbox, AutoCloseable {
    /** Receives one message; {@code done} acknowledges it to the broker and must run once it is answered. */
    @FunctionalInterface
    interface Inbound {
        void accept(String topic, byte[] payload, Runnable done);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int CONNECT_TIMEOUT_S = 10;
    /** Our own publications not acknowledged yet by the broker. */
    private static final int MAX_INFLIGHT = 1000;
    private static final int SUBSCRIPTION_REFUSED = 0x80;
    private final BridgeSettings settings;
    private final String clientId;
    private final String[] filters;
    /** Subscriptions of the previous settings that the persistent session still holds: removed once. */
    private volatile String[] stale;
    /** The retained online/offline state this connection keeps on the events topic, or null. */
    private final Presence presence;
    private final Inbound inbound;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService connector;
    private final Backoff backoff = new Backoff();
    private final Object change = new Object();
    /** Changes with every loss: a message is acknowledged only on the connection it came on. */
    private volatile int generation;
    private volatile boolean closed;
    private volatile String lastError = "not connected yet";

    Connection(BridgeSettings settings, String clientId, String[] filters, String[] stale, Presence presence,
            Inbound inbound) throws MqttException {
        this.settings = settings;
        this.clientId = clientId;
        this.filters = filters.clone();
        this.stale = stale.clone();
        this.presence = presence;
        this.inbound = inbound;
        this.client = new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence());
        client.setCallback(this);
        client.setManualAcks(true);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leantta-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        schedule(0);
    }

    private void schedule(long delayMs) {
        if (closed) {
            return;
        }
        try {
            connector.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void attempt() {
        if (closed || client.isConnected()) {
            return;
        }
        MqttConnectOptions o;
        try {
            o = options();
        } catch (Exception e) {
            failed("cannot set up the connection to " + settings.brokerUrl(), e, true);
            return;
        }
        try {
            client.connect(o).waitForCompletion((CONNECT_TIMEOUT_S + 5) * 1000L);
            backoff.reset();
            LOG.info("connected to {} as {}", settings.brokerUrl(), clientId);
        } catch (MqttException | RuntimeException e) {
            failed("cannot connect to " + settings.brokerUrl() + " as " + clientId, e, Backoff.refusedByBroker(e));
        }
    }

    private void failed(String what, Exception e, boolean refused) {
        if (closed) {
            return;
        }
        // what the client said, its causes and what to check (credentials, trust store)
        String error = what + ": " + ConnectFailure.describe(e);
        long delay = backoff.next(refused);
        // a broker that stays away would otherwise log a warning every 2 s
        if (error.equals(lastError)) {
            LOG.debug("{}; retrying in {} ms", error, delay);
        } else {
            LOG.warn("{}; retrying in {} ms", error, delay);
        }
        lastError = error;
        schedule(delay);
    }

    private MqttConnectOptions options() throws Exception {
        MqttConnectOptions o = new MqttConnectOptions();
        // a persistent session: the broker keeps QoS 1/2 samples for us while we are away
        o.setCleanSession(false);
        // reconnection is ours (Backoff): Paho's own doubles its delay up to a limit and never says why it fails
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(CONNECT_TIMEOUT_S);
        o.setMaxInflight(MAX_INFLIGHT);
        if (presence != null) {
            o.setWill(presence.topic(), presence.lost(), 1, true);
        }
        if (!settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password().toCharArray());
        }
        o.setSocketFactory(settings.tls() ? GuardedSockets.tls(tlsContext().getSocketFactory())
                : GuardedSockets.plain());
        return o;
    }

    private SSLContext tlsContext() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (settings.trustStore().isEmpty()) {
            ctx.init(null, null, null);
            return ctx;
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
            ks.load(in, settings.trustStorePassword().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        lastError = null;
        signal();
        announce(presence == null ? null : presence.online());
        unsubscribeStale();
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, settings.qos());
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    for (int i = 0; i < granted.length; i++) {
                        if (granted[i] == SUBSCRIPTION_REFUSED) {
                            subscribeFailed("the broker refused the subscription of " + clientId + " to "
                                    + filters[Math.min(i, filters.length - 1)] + " (check its access control list)");
                        }
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    subscribeFailed("subscribe failed: " + Causes.describe(e));
                }
            });
        } catch (MqttException e) {
            subscribeFailed("subscribe failed: " + Causes.describe(e));
        }
    }

    private void unsubscribeStale() {
        String[] old = stale;
        if (old.length == 0) {
            return;
        }
        try {
            client.unsubscribe(old, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    stale = new String[0];
                    LOG.info("{}: unsubscribed from {}, which the configuration no longer names", clientId,
                            String.join(", ", old));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("{}: could not unsubscribe from {}: {}", clientId, String.join(", ", old),
                            Causes.describe(e));
                }
            });
        } catch (MqttException e) {
            LOG.warn("{}: could not unsubscribe from {}: {}", clientId, String.join(", ", old), Causes.describe(e));
        }
    }

    /** Publishes the retained presence message, if this connection keeps one; a failure is logged only. */
    private IMqttToken announce(byte[] state) {
        if (state == null) {
            return null;
        }
        try {
            return client.publish(presence.topic(), state, 1, true);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("could not publish the gateway's presence on {}: {}", presence.topic(), Causes.describe(e));
            return null;
        }
    }

    private void subscribeFailed(String error) {
        lastError = error;
        LOG.error(error);
    }

    @Override
    public void connectionLost(Throwable cause) {
        generation++;
        lastError = "connection lost: " + Causes.describe(cause);
        LOG.warn("{}; reconnecting", lastError);
        schedule(backoff.next(false));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // on Paho's thread: never throw, never disconnect, never wait; decode and hand over only
        int gen = generation;
        int id = message.getId();
        int qos = message.getQos();
        try {
            inbound.accept(topic, message.getPayload(), () -> acknowledge(gen, id, qos));
        } catch (RuntimeException e) {
            LOG.error("message on {} could not be queued", topic, e);
            acknowledge(gen, id, qos);
        }
    }

    private void acknowledge(int gen, int id, int qos) {
        // after a loss the broker sends unacknowledged messages again: this copy is answered, that one acknowledged
        if (qos == 0 || gen != generation || closed) {
            return;
        }
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("acknowledgement of message {} not sent: {}", id, e.toString());
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        signal();
    }

    private void signal() {
        synchronized (change) {
            change.notifyAll();
        }
    }

    @Override
    public Result publish(String topic, byte[] payload) {
        if (closed || !client.isConnected()) {
            return Result.RETRY;
        }
        try {
            client.publish(topic, payload, settings.qos(), false);
            return Result.SENT;
        } catch (MqttException e) {
            if (retryable(e.getReasonCode())) {
                return Result.RETRY;
            }
            LOG.error("the MQTT client refused a message to {}: {}", excerpt(topic), Causes.describe(e));
            return Result.REFUSED;
        } catch (IllegalArgumentException e) {
            LOG.error("the MQTT client refused a message to {}: {}", excerpt(topic), e.getMessage());
            return Result.REFUSED;
        }
    }

    private static boolean retryable(int code) {
        return code == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || code == MqttException.REASON_CODE_MAX_INFLIGHT
                || code == MqttException.REASON_CODE_NO_MESSAGE_IDS_AVAILABLE
                || code == MqttException.REASON_CODE_CLIENT_DISCONNECTING
                || code == MqttException.REASON_CODE_CONNECTION_LOST
                || code == MqttException.REASON_CODE_CLIENT_CLOSED;
    }

    private static String excerpt(String topic) {
        return topic.length() <= 200 ? topic : topic.substring(0, 200) + "... (" + topic.length() + " characters)";
    }

    @Override
    public void awaitChange(long timeoutMs) throws InterruptedException {
        synchronized (change) {
            change.wait(timeoutMs);
        }
    }

    @Override
    public boolean connected() {
        return !closed && client.isConnected();
    }

    String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                IMqttToken goodbye = announce(presence == null ? null : presence.stopped());
                if (goodbye != null) {
                    goodbye.waitForCompletion(2000);
                }
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.warn("disconnect: {}", Causes.describe(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("close: {}", Causes.describe(e));
        }
        signal();
    }
}

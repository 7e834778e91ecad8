package org.leantta.kura.mqtt;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paho client: connects in the background with exponential backoff (1 s doubling to 60 s), subscribes on
 * every (re)connection, hands messages over without blocking on anything but the bounded inbox, and publishes
 * for the worker, waiting out short disconnections.
 */
final class Connection implements MqttCallbackExtended, Outbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final long MAX_BACKOFF_MS = 60_000;
    private static final long PUBLISH_WAIT_MS = 30_000;
    private final BridgeSettings settings;
    private final Topics topics;
    private final BiConsumer<String, byte[]> inbound;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService connector;
    private volatile boolean closed;
    private volatile String lastError = "not connected yet";

    Connection(BridgeSettings settings, BiConsumer<String, byte[]> inbound) throws MqttException {
        this.settings = settings;
        this.topics = settings.topics();
        this.inbound = inbound;
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        client.setCallback(this);
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leantta-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        connector.execute(() -> connect(1000));
    }

    private void connect(long backoffMs) {
        if (closed) {
            return;
        }
        try {
            client.connect(options()).waitForCompletion(30_000);
            LOG.info("connected to {} as {}", settings.brokerUrl(), settings.clientId());
        } catch (Exception e) {
            if (closed) {
                return;
            }
            lastError = ConnectFailure.describe(e);
            LOG.warn("cannot connect to {} ({}); retrying in {} ms", settings.brokerUrl(), lastError, backoffMs);
            if (!closed) {
                connector.schedule(() -> connect(Math.min(backoffMs * 2, MAX_BACKOFF_MS)), backoffMs,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private MqttConnectOptions options() throws Exception {
        MqttConnectOptions o = new MqttConnectOptions();
        // a persistent session: the broker keeps QoS 1/2 samples for us while we are away
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) MAX_BACKOFF_MS);
        o.setKeepAliveInterval(30);
        // room for a full queue of answers: the worker must not wait on acknowledgements the client thread holds up
        o.setMaxInflight(10_000);
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
        try {
            client.subscribe(new String[] {topics.sensorsFilter(), topics.commandsFilter()},
                    new int[] {settings.qos(), settings.qos()});
            lastError = null;
        } catch (MqttException e) {
            lastError = "subscribe failed: " + e.getMessage();
            LOG.error(lastError);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        lastError = "connection lost: " + cause;
        LOG.warn("{}; reconnecting", lastError);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // on Paho's thread: never throw, never disconnect; decode and enqueue only
        try {
            inbound.accept(topic, message.getPayload());
        } catch (RuntimeException e) {
            LOG.error("message on {} could not be queued", topic, e);
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // nothing to track: QoS 1/2 deliveries are retried by Paho
    }

    @Override
    public boolean publish(String topic, byte[] payload) {
        long deadline = System.currentTimeMillis() + PUBLISH_WAIT_MS;
        while (!closed) {
            try {
                if (client.isConnected()) {
                    client.publish(topic, payload, settings.qos(), false);
                    return true;
                }
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                        && e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    LOG.error("publish to {} failed", topic, e);
                    return false;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                LOG.error("publish to {} gave up: not connected for {} ms", topic, PUBLISH_WAIT_MS);
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    boolean connected() {
        return client.isConnected();
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
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.warn("disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("close: {}", e.getMessage());
        }
    }
}

package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's sockets, plain and TLS, on loopback: TCP_NODELAY is on, and a real Paho 1.2.5 client behind them
 * reads a PUBLISH whose topic Paho refuses, acknowledges it and goes on reading; without them Paho's receiver dies.
 */
class GuardedSocketsTest {
    private static final String POISON = "leantta/gw/sensors/cam😀";
    private static final String MARKED = "leantta/gw/sensors/cam" + TopicGuard.MARK;
    private static final long WAIT_MS = 10_000;
    private static SSLContext serverTls;
    private static SSLContext clientTls;

    @BeforeAll
    static void givenACertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("broker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "secret", "-keypass", "secret").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
    }

    @Test
    void plainSocketsSetTcpNoDelayAndReadThroughTheGuard() throws Exception {
        try (FakeServer server = new FakeServer(ServerSocketFactory.getDefault());
             Socket s = GuardedSockets.plain().createSocket()) {
            assertThat(s).isNotInstanceOf(SSLSocket.class);

            s.connect(server.address(), 5_000);

            thenGuardedWithNoDelay(s, server);
        }
    }

    @Test
    void tlsSocketsSetTcpNoDelayAndReadThroughTheGuard() throws Exception {
        try (FakeServer server = new FakeServer(serverTls.getServerSocketFactory());
             Socket s = GuardedSockets.tls(clientTls.getSocketFactory()).createSocket()) {
            assertThat(s).isInstanceOf(SSLSocket.class);

            s.connect(server.address(), 5_000);
            ((SSLSocket) s).startHandshake();

            assertThat(((SSLSocket) s).getSession().getProtocol()).startsWith("TLS");
            thenGuardedWithNoDelay(s, server);
        }
    }

    @Test
    void theFactoriesConnectedSocketsAreGuardedToo() throws Exception {
        SocketFactory plain = GuardedSockets.plain();
        SSLSocketFactory tls = GuardedSockets.tls(clientTls.getSocketFactory());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int variant = 0; variant < 4; variant++) {
            try (FakeServer server = new FakeServer(ServerSocketFactory.getDefault());
                 Socket s = variant == 0 ? plain.createSocket("127.0.0.1", server.port())
                         : variant == 1 ? plain.createSocket(loopback, server.port())
                         : variant == 2 ? plain.createSocket("127.0.0.1", server.port(), loopback, 0)
                         : plain.createSocket(loopback, server.port(), loopback, 0)) {
                thenGuardedWithNoDelay(s, server);
            }
        }
        try (FakeServer server = new FakeServer(serverTls.getServerSocketFactory());
             SSLSocket s = (SSLSocket) tls.createSocket("127.0.0.1", server.port())) {
            s.startHandshake();
            thenGuardedWithNoDelay(s, server);
        }
        try (FakeServer server = new FakeServer(serverTls.getServerSocketFactory());
             Socket raw = new Socket(loopback, server.port());
             SSLSocket s = (SSLSocket) tls.createSocket(raw, "127.0.0.1", server.port(), true)) {
            s.startHandshake();
            thenGuardedWithNoDelay(s, server);
        }
    }

    @Test
    void pahoOverTcpReadsAPoisonedTopicAcknowledgesItAndReadsOn() throws Exception {
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        SocketFactory recording = new Recording(GuardedSockets.plain(), sockets);
        try (FakeBroker broker = new FakeBroker(ServerSocketFactory.getDefault(), poisonThenValid());
             Receiver paho = new Receiver("tcp://127.0.0.1:" + broker.port(), recording)) {
            thenPahoReadsOnAndAcknowledges(paho, broker);
            assertThat(sockets).hasSize(1);
            assertThat(sockets.get(0).getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void pahoOverTlsReadsAPoisonedTopicAcknowledgesItAndReadsOn() throws Exception {
        try (FakeBroker broker = new FakeBroker(serverTls.getServerSocketFactory(), poisonThenValid());
             Receiver paho = new Receiver("ssl://127.0.0.1:" + broker.port(),
                     GuardedSockets.tls(clientTls.getSocketFactory()))) {
            thenPahoReadsOnAndAcknowledges(paho, broker);
        }
    }

    @Test
    void withoutTheGuardPahoLosesItsReceiverOnSuchATopic() throws Exception {
        CompletableFuture<Throwable> death = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> death.complete(e));
        try (FakeBroker broker = new FakeBroker(ServerSocketFactory.getDefault(), poisonThenValid());
             Receiver paho = new Receiver("tcp://127.0.0.1:" + broker.port(), SocketFactory.getDefault())) {
            Throwable cause = death.get(WAIT_MS, TimeUnit.MILLISECONDS);

            assertThat(cause).isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid UTF-8 char: [d83d]");
            assertThat(paho.client.isConnected()).as("Paho still says connected").isTrue();
            assertThat(paho.topics).as("nothing delivered after the poisoned message").isEmpty();
            assertThat(broker.nothingReceived()).as("no acknowledgement").isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    private static byte[][] poisonThenValid() {
        return new byte[][] {Packets.publish(1, POISON, 7, "{\"data\":[1]}"),
            Packets.publish(1, "leantta/gw/sensors/cam1", 8, "{\"data\":[2]}")};
    }

    private static void thenPahoReadsOnAndAcknowledges(Receiver paho, FakeBroker broker) throws Exception {
        assertThat(paho.topics.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(MARKED);
        assertThat(paho.topics.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo("leantta/gw/sensors/cam1");
        assertThat(broker.next(WAIT_MS)).containsExactly(Packets.ack(0x40, 7));
        assertThat(broker.next(WAIT_MS)).containsExactly(Packets.ack(0x40, 8));
    }

    private static void thenGuardedWithNoDelay(Socket s, FakeServer server) throws Exception {
        assertThat(s.getTcpNoDelay()).isTrue();
        InputStream in = s.getInputStream();
        assertThat(s.getInputStream()).isSameAs(in);
        server.send(Packets.publish(1, POISON, 9, "x"));
        assertThat(TopicGuardStreamTest.pahoReads(Packets.read(in)).getTopicName()).isEqualTo(MARKED);
    }

    /** A Paho 1.2.5 client connected through {@code sockets}, keeping the topics it is given. */
    static final class Receiver implements MqttCallback, AutoCloseable {
        final String id = "guard-" + System.nanoTime();
        final MqttClient client;
        final LinkedBlockingQueue<String> topics = new LinkedBlockingQueue<>();

        Receiver(String url, SocketFactory sockets) throws Exception {
            client = new MqttClient(url, id, new MemoryPersistence());
            client.setCallback(this);
            MqttConnectOptions o = new MqttConnectOptions();
            o.setSocketFactory(sockets);
            o.setKeepAliveInterval(0);
            client.connect(o);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            topics.add(topic);
        }

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }

        @Override
        public void close() throws Exception {
            client.disconnectForcibly(0, 100);
            client.close(true);
        }
    }

    /** A plain factory that keeps the sockets it creates (Paho calls only {@code createSocket()}). */
    static final class Recording extends SocketFactory {
        private final SocketFactory factory;
        private final List<Socket> sockets;

        Recording(SocketFactory factory, List<Socket> sockets) {
            this.factory = factory;
            this.sockets = sockets;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket s = factory.createSocket();
            sockets.add(s);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException();
        }
    }

    /** A loopback server that accepts one connection (in the background: a TLS handshake needs both ends). */
    static final class FakeServer implements AutoCloseable {
        private final ServerSocket server;
        private final CompletableFuture<Socket> accepted = new CompletableFuture<>();

        FakeServer(ServerSocketFactory sockets) throws IOException {
            server = sockets.createServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "fake-server");
            t.setDaemon(true);
            t.start();
        }

        private void accept() {
            try {
                Socket s = server.accept();
                if (s instanceof SSLSocket tls) {
                    tls.startHandshake();
                }
                accepted.complete(s);
            } catch (IOException e) {
                accepted.completeExceptionally(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        }

        void send(byte[] bytes) throws Exception {
            Socket s = accepted.get(WAIT_MS, TimeUnit.MILLISECONDS);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
            Socket s = accepted.getNow(null);
            if (s != null) {
                s.close();
            }
        }
    }
}

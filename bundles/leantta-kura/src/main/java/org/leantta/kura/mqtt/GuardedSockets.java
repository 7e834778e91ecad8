package org.leantta.kura.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories for Eclipse Paho ({@code MqttConnectOptions.setSocketFactory}) whose sockets set TCP_NODELAY
 * (MQTT packets are small: Nagle's algorithm would hold them back for tens of milliseconds) and read through a
 * {@link TopicGuardStream}, so that no topic a broker delivers can stop Paho's receiver. Paho takes a plain factory
 * for {@code tcp://} and an {@link SSLSocketFactory} for {@code ssl://} URLs, and calls {@code createSocket()}
 * then {@code connect}; the other {@code createSocket} methods return connected sockets of the same kind.
 */
final class GuardedSockets extends SocketFactory {
    private GuardedSockets() {
    }

    /** For {@code tcp://} brokers. */
    static SocketFactory plain() {
        return new GuardedSockets();
    }

    /** For {@code ssl://} brokers: the sockets of {@code tls}, guarded. */
    static SSLSocketFactory tls(SSLSocketFactory tls) {
        return new GuardedSslSocketFactory(tls);
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private static Socket connected(SocketAddress local, SocketAddress remote) throws IOException {
        Socket s = new GuardedSocket();
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A plain TCP socket with TCP_NODELAY once connected and one guarded input stream. */
    static final class GuardedSocket extends Socket {
        private InputStream guarded;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            setTcpNoDelay(true);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (guarded == null) {
                guarded = new TopicGuardStream(super.getInputStream());
            }
            return guarded;
        }
    }
}

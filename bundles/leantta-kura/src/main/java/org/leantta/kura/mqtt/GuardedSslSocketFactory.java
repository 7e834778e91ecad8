package org.leantta.kura.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** The TLS half of {@link GuardedSockets}: another factory's sockets, each wrapped in a {@link GuardedSslSocket}. */
final class GuardedSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;

    GuardedSslSocketFactory(SSLSocketFactory tls) {
        this.tls = tls;
    }

    @Override
    public Socket createSocket() throws IOException {
        return new GuardedSslSocket((SSLSocket) tls.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return connected(tls.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(tls.createSocket(address, port, localAddress, localPort));
    }

    private static Socket connected(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return new GuardedSslSocket((SSLSocket) s);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}

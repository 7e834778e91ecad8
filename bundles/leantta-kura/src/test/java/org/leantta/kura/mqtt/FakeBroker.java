package org.leantta.kura.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;

/**
 * A broker for one client connection on a loopback port: answers its CONNECT, sends it the given packets and keeps
 * what it sends back (acknowledgements, pings).
 */
final class FakeBroker implements AutoCloseable {
    private final ServerSocket server;
    private final LinkedBlockingQueue<byte[]> fromClient = new LinkedBlockingQueue<>();
    private volatile Socket connection;

    FakeBroker(ServerSocketFactory sockets, byte[]... toClient) throws IOException {
        this.server = sockets.createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(toClient), "fake-broker");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(byte[][] toClient) {
        try (Socket s = server.accept()) {
            connection = s;
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Packets.read(in);
            out.write(Packets.connack());
            for (byte[] packet : toClient) {
                out.write(packet);
            }
            out.flush();
            while (true) {
                fromClient.add(Packets.read(in));
            }
        } catch (IOException e) {
            // the client or the test closed the connection
        }
    }

    /** The next packet the client sent, or null after {@code timeoutMs}. */
    byte[] next(long timeoutMs) throws InterruptedException {
        return fromClient.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    boolean nothingReceived() {
        return fromClient.isEmpty();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = connection;
        if (s != null) {
            s.close();
        }
    }
}

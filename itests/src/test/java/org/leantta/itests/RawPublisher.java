package org.leantta.itests;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT 3.1.1 publisher on a raw socket, for topics that Paho refuses to send (it checks a topic's characters
 * when it writes one as when it reads one): QoS 1 publishes, each waited for until the broker acknowledges it.
 */
final class RawPublisher implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int nextId = 1;

    RawPublisher(int port, String clientId) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        ByteArrayOutputStream connect = new ByteArrayOutputStream();
        // protocol name "MQTT", level 4 (3.1.1), clean session, keep-alive 60 s, client id
        connect.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60});
        writeString(connect, clientId.getBytes(StandardCharsets.UTF_8));
        send(0x10, connect.toByteArray());
        byte[] connack = readPacket(0x20);
        if (connack[1] != 0) {
            throw new IOException("the broker refused the connection: CONNACK return code " + connack[1]);
        }
    }

    /** Publishes at QoS 1 and returns once the broker has acknowledged. */
    void publish(byte[] topic, byte[] payload) throws IOException {
        int id = nextId++;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        body.write(id >> 8);
        body.write(id);
        body.writeBytes(payload);
        send(0x32, body.toByteArray());
        byte[] puback = readPacket(0x40);
        if (((puback[0] & 0xff) << 8 | puback[1] & 0xff) != id) {
            throw new IOException("expected the PUBACK of message " + id);
        }
    }

    private static void writeString(ByteArrayOutputStream out, byte[] s) {
        out.write(s.length >> 8);
        out.write(s.length);
        out.writeBytes(s);
    }

    private void send(int first, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(first);
        int v = body.length;
        do {
            int digit = v % 128;
            v /= 128;
            packet.write(v > 0 ? digit | 0x80 : digit);
        } while (v > 0);
        packet.writeBytes(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    /** Reads the next packet, which must be of the given type (first byte), and returns its body. */
    private byte[] readPacket(int first) throws IOException {
        int type = in.readUnsignedByte();
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        if (type != first) {
            throw new IOException(String.format("expected a packet 0x%02X from the broker, got 0x%02X", first, type));
        }
        return body;
    }

    @Override
    public void close() throws IOException {
        try {
            send(0xE0, new byte[0]);
        } finally {
            socket.close();
        }
    }
}

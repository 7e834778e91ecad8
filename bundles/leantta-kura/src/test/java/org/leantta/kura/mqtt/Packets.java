package org.leantta.kura.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** MQTT 3.1.1 packets built by hand, as a broker sends them, and read back whole. */
final class Packets {
    private Packets() {
    }

    static byte[] publish(int qos, boolean dup, boolean retain, byte[] topic, int messageId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(topic.length >> 8);
        body.write(topic.length);
        body.writeBytes(topic);
        if (qos > 0) {
            body.write(messageId >> 8);
            body.write(messageId);
        }
        body.writeBytes(payload);
        return packet(0x30 | (dup ? 0x08 : 0) | qos << 1 | (retain ? 1 : 0), body.toByteArray());
    }

    static byte[] publish(int qos, String topic, int messageId, String payload) {
        return publish(qos, false, false, utf8(topic), messageId, utf8(payload));
    }

    static byte[] packet(int first, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        out.writeBytes(remainingLength(body.length));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] remainingLength(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int v = n;
        do {
            int digit = v % 128;
            v /= 128;
            out.write(v > 0 ? digit | 0x80 : digit);
        } while (v > 0);
        return out.toByteArray();
    }

    /** PUBACK (0x40), PUBREC (0x50), PUBREL (0x62), PUBCOMP (0x70) or UNSUBACK (0xB0) of a message id. */
    static byte[] ack(int first, int messageId) {
        return new byte[] {(byte) first, 2, (byte) (messageId >> 8), (byte) messageId};
    }

    static byte[] connack() {
        return new byte[] {0x20, 2, 0, 0};
    }

    static byte[] suback(int messageId, int grantedQos) {
        return new byte[] {(byte) 0x90, 3, (byte) (messageId >> 8), (byte) messageId, (byte) grantedQos};
    }

    static byte[] pingresp() {
        return new byte[] {(byte) 0xD0, 0};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads one whole packet (fixed header and body) as Paho does: header byte by byte, then the body. */
    static byte[] read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(data.readUnsignedByte());
        int remaining = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = data.readUnsignedByte();
            head.write(digit);
            remaining |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[remaining];
        data.readFully(body);
        return concat(head.toByteArray(), body);
    }
}

package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leantta.kura.mqtt.Packets.ack;
import static org.leantta.kura.mqtt.Packets.concat;
import static org.leantta.kura.mqtt.Packets.publish;
import static org.leantta.kura.mqtt.Packets.utf8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The guard between the broker and Paho, byte by byte: hand-built packets in, exactly the expected packets out,
 * whatever the reads' sizes, split points and timeouts; Paho's own decoder reads every repaired PUBLISH.
 */
@Timeout(60) // a framing error can make the guard wait for bytes that never come: fail, do not hang
class TopicGuardStreamTest {
    private static final String MARK = String.valueOf(TopicGuard.MARK);
    private static final String BAD = "leantta/gw/sensors/cam😀";
    private static final String REPAIRED = "leantta/gw/sensors/cam" + MARK;

    @Test
    void packetsOtherThanPublishPassUnchanged() throws IOException {
        byte[] in = concat(Packets.connack(), Packets.suback(1, 1), ack(0x40, 7), ack(0x50, 8), ack(0x62, 8),
                ack(0x70, 8), ack(0xB0, 9), Packets.pingresp(), Packets.packet(0xE0, new byte[0]));

        assertThat(throughGuardInEveryWay(in)).isEqualTo(in);
    }

    @Test
    void publishesWithTopicsPahoReadsPassUnchanged() throws IOException {
        for (int qos = 0; qos <= 2; qos++) {
            byte[] in = concat(publish(qos, "leantta/gw/sensors/cam1", 5, "{\"data\":[1,2]}"),
                    publish(qos, true, true, utf8("s/Kamera-ü/温度/\uFDCF"), 6, utf8("😀 payloads are bytes")),
                    publish(qos, "", 7, ""), publish(qos, "s/" + MARK, 8, "x"));

            assertThat(throughGuardInEveryWay(in)).as("QoS %d", qos).isEqualTo(in);
        }
    }

    @Test
    void aTopicPahoRefusesIsRepairedWithTheLengthsMatchingAtEveryQos() throws IOException {
        for (int qos = 0; qos <= 2; qos++) {
            byte[] payload = utf8("{\"id\":\"p-1\",\"data\":[1,2,3]}");
            byte[] in = publish(qos, true, qos == 1, utf8(BAD), 42, payload);

            byte[] out = throughGuardInEveryWay(in);

            assertThat(out).as("QoS %d", qos).isEqualTo(publish(qos, true, qos == 1, utf8(REPAIRED), 42, payload));
            MqttPublish read = pahoReads(out);
            assertThat(read.getTopicName()).isEqualTo(REPAIRED);
            assertThat(read.getMessage().getPayload()).isEqualTo(payload);
            assertThat(read.getMessage().getQos()).isEqualTo(qos);
            assertThat(read.getMessageId()).isEqualTo(qos == 0 ? 0 : 42);
            assertThat(read.getMessage().isDuplicate()).isTrue();
            assertThat(read.getMessage().isRetained()).isEqualTo(qos == 1);
        }
    }

    @Test
    void remainingLengthsOfOneToFourBytesAndRepairsThatChangeTheirSize() throws IOException {
        // {remaining length in, its size in bytes, size after the repair}: the mark is one byte shorter than an
        // emoji and two bytes longer than a control character
        int[][] cases = {{127, 1, 1}, {128, 2, 1}, {126, 1, 2}, {16_384, 3, 2}, {16_382, 2, 3}, {2_097_152, 4, 3},
            {2_097_150, 3, 4}};
        for (int[] c : cases) {
            String topic = c[1] > c[2] || c[0] == 127 ? "s/a😀" : "s/a\u0001";
            byte[] payload = new byte[c[0] - 4 - utf8(topic).length];
            Arrays.fill(payload, (byte) 'x');
            byte[] in = publish(1, false, false, utf8(topic), 3, payload);
            byte[] expected = publish(1, false, false, utf8("s/a" + MARK), 3, payload);
            assertThat(in.length - c[0] - 1).as("%d in", c[0]).isEqualTo(c[1]);
            assertThat(expected.length - (c[0] + 3 - utf8(topic).length + 3) - 1).as("%d out", c[0])
                    .isEqualTo(c[2]);

            for (int chunk : new int[] {1_000, 65_536}) {
                assertThat(readAll(new TopicGuardStream(new Chunked(in, chunk, false)), 4_096)).isEqualTo(expected);
            }
        }
    }

    @Test
    void theRemainingLengthEncodingIsMqtts() {
        // the table of MQTT 3.1.1 section 2.2.3
        assertThat(Packets.remainingLength(0)).containsExactly(0x00);
        assertThat(Packets.remainingLength(127)).containsExactly(0x7F);
        assertThat(Packets.remainingLength(128)).containsExactly(0x80, 0x01);
        assertThat(Packets.remainingLength(16_383)).containsExactly(0xFF, 0x7F);
        assertThat(Packets.remainingLength(16_384)).containsExactly(0x80, 0x80, 0x01);
        assertThat(Packets.remainingLength(2_097_151)).containsExactly(0xFF, 0xFF, 0x7F);
        assertThat(Packets.remainingLength(2_097_152)).containsExactly(0x80, 0x80, 0x80, 0x01);
        assertThat(Packets.remainingLength(268_435_455)).containsExactly(0xFF, 0xFF, 0xFF, 0x7F);
    }

    @Test
    void aStreamOfMixedPacketsComesOutRightWhereverItIsSplit() throws IOException {
        byte[][] in = {Packets.connack(), publish(1, BAD, 1, "a"), publish(0, "s/ok", 0, "b"), Packets.pingresp(),
            publish(2, "s/\u0085\u0085x\uFFFF", 2, ""), ack(0x62, 2), publish(1, "s/😀", 3, "c"), ack(0x40, 9)};
        byte[][] out = {Packets.connack(), publish(1, REPAIRED, 1, "a"), publish(0, "s/ok", 0, "b"),
            Packets.pingresp(), publish(2, "s/" + MARK + "x" + MARK, 2, ""), ack(0x62, 2),
            publish(1, "s/" + MARK, 3, "c"), ack(0x40, 9)};
        byte[] stream = concat(in);

        assertThat(throughGuardInEveryWay(stream)).isEqualTo(concat(out));
        for (int split = 0; split <= stream.length; split++) {
            InputStream source = new SplitOnce(stream, split);
            assertThat(readAll(new TopicGuardStream(source), 3)).as("split at %d", split).isEqualTo(concat(out));
        }
    }

    @Test
    void pahoNeverMeetsATimeoutInsideAFixedHeader() throws IOException {
        byte[] stream = concat(publish(1, BAD, 1, "a"), publish(0, "s/ok", 0, "b"), Packets.pingresp());
        TopicGuardStream guard = new TopicGuardStream(new Chunked(stream, 1, true));

        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] packet = readLikePaho(guard);
            if ((packet[0] & 0xF0) == 0x30) {
                topics.add(pahoReads(packet).getTopicName());
            }
        }

        assertThat(topics).containsExactly(REPAIRED, "s/ok");
    }

    @Test
    void theEndOfTheStreamInsideAPacketHandsOnWhatCameAndThenTheEnd() throws IOException {
        byte[] in = publish(1, BAD, 5, "payload");
        byte[] repaired = publish(1, REPAIRED, 5, "payload");
        int headEnd = 2 + 2 + utf8(BAD).length;
        for (int k = 0; k < in.length; k++) {
            byte[] cut = Arrays.copyOf(in, k);
            byte[] expected = k < headEnd ? cut
                    : concat(Arrays.copyOf(repaired, headEnd - 1), Arrays.copyOfRange(in, headEnd, k));

            assertThat(readAll(new TopicGuardStream(new ByteArrayInputStream(cut)), 7)).as("cut at %d", k)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aRemainingLengthOfMoreThanFourBytesTurnsTheGuardOff() throws IOException {
        byte[] in = concat(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01},
                publish(0, BAD, 0, "x"));

        assertThat(throughGuardInEveryWay(in)).isEqualTo(in);
    }

    @Test
    void aTopicLongerThanItsPacketIsLeftForPahoToReport() throws IOException {
        byte[] in = concat(new byte[] {0x30, 0x04, 0x00, 0x09, (byte) 0xF0, (byte) 0x9F}, Packets.pingresp());

        assertThat(throughGuardInEveryWay(in)).isEqualTo(in);
    }

    @Test
    void theLongestTopicsStayWithinMqttsLimit() throws IOException {
        String longest = "a\u0001".repeat(TopicGuard.MAX_TOPIC_BYTES / 2) + "a";
        byte[] in = concat(publish(1, longest, 1, "x"), publish(1, "s/" + "😀".repeat(16_383) + "a", 2, "y"));

        byte[] out = readAll(new TopicGuardStream(new Chunked(in, 1_500, false)), 1_000);

        InputStream packets = new ByteArrayInputStream(out);
        String first = pahoReads(Packets.read(packets)).getTopicName();
        assertThat(utf8(first).length).isBetween(TopicGuard.MAX_TOPIC_BYTES - 3, TopicGuard.MAX_TOPIC_BYTES);
        assertThat(first).startsWith("a" + MARK + "a" + MARK).endsWith(MARK);
        assertThat(pahoReads(Packets.read(packets)).getTopicName()).isEqualTo("s/" + MARK + "a");
    }

    @Test
    void randomPacketStreamsComeOutAsPacketByPacketRepairs() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int p = random.nextInt(6); p >= 0; p--) {
                byte[] topic = TopicGuardTest.randomTopic(random);
                byte[] payload = new byte[random.nextInt(300)];
                random.nextBytes(payload);
                int qos = random.nextInt(3);
                in.writeBytes(publish(qos, false, false, topic, p + 1, payload));
                expected.writeBytes(publish(qos, false, false, repaired(topic), p + 1, payload));
                in.writeBytes(ack(0x40, p));
                expected.writeBytes(ack(0x40, p));
            }
            byte[] out = readAll(new TopicGuardStream(new Chunked(in.toByteArray(), 1 + random.nextInt(64),
                    random.nextBoolean())), 1 + random.nextInt(512));

            assertThat(out).isEqualTo(expected.toByteArray());
            InputStream packets = new ByteArrayInputStream(out);
            while (packets.available() > 0) {
                byte[] packet = Packets.read(packets);
                if ((packet[0] & 0xF0) == 0x30) {
                    pahoReads(packet);
                }
            }
        }
    }

    private static byte[] repaired(byte[] topic) {
        byte[] dst = new byte[3 * topic.length];
        return Arrays.copyOf(dst, TopicGuard.repair(topic, 0, topic.length, dst, 0, TopicGuard.MAX_TOPIC_BYTES));
    }

    /** The guard's output for reads of 1 to 9 bytes from sources of 1 to 9 bytes, with and without timeouts. */
    private static byte[] throughGuardInEveryWay(byte[] in) throws IOException {
        byte[] first = null;
        for (int source = 1; source <= 9; source++) {
            for (int read = 1; read <= 9; read++) {
                for (boolean timeouts : new boolean[] {false, true}) {
                    byte[] out = readAll(new TopicGuardStream(new Chunked(in, source, timeouts)), read);
                    if (first == null) {
                        first = out;
                    }
                    assertThat(out).as("source %d, read %d, timeouts %s", source, read, timeouts).isEqualTo(first);
                }
            }
        }
        return first;
    }

    /** Everything up to the end of the stream, read {@code size} bytes at a time, timeouts retried. */
    static byte[] readAll(InputStream in, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[size];
        while (true) {
            int n;
            try {
                n = size == 1 ? single(in, buf) : in.read(buf, 0, size);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buf, 0, n);
        }
    }

    private static int single(InputStream in, byte[] buf) throws IOException {
        int b = in.read();
        buf[0] = (byte) b;
        return b < 0 ? -1 : 1;
    }

    /**
     * One packet read as Paho's MqttInputStream reads it: the fixed header a byte at a time, where a timeout is
     * only survivable before the first byte; the body in blocks, where a timeout keeps what was read.
     */
    private static byte[] readLikePaho(InputStream in) throws IOException {
        int first;
        while (true) {
            try {
                first = in.read();
                break;
            } catch (SocketTimeoutException e) {
                // Paho's receiver tries again
            }
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int remaining = 0;
        for (int shift = 0; ; shift += 7) {
            int digit = in.read();
            head.write(digit);
            remaining |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[remaining];
        for (int n = 0; n < remaining; ) {
            try {
                n += in.read(body, n, remaining - n);
            } catch (SocketTimeoutException e) {
                // Paho keeps the part read so far
            }
        }
        return concat(head.toByteArray(), body);
    }

    static MqttPublish pahoReads(byte[] packet) {
        try {
            return (MqttPublish) MqttWireMessage.createWireMessage(packet);
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new AssertionError(e);
        }
    }

    /** A source that returns at most {@code chunk} bytes per read and, with timeouts, times out every other read. */
    static final class Chunked extends InputStream {
        private final byte[] data;
        private final int chunk;
        private final boolean timeouts;
        private int pos;
        private boolean timeOutNext;

        Chunked(byte[] data, int chunk, boolean timeouts) {
            this.data = data;
            this.chunk = chunk;
            this.timeouts = timeouts;
            this.timeOutNext = timeouts;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (timeOutNext) {
                timeOutNext = false;
                throw new SocketTimeoutException("Read timed out");
            }
            timeOutNext = timeouts;
            if (pos == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** A source that delivers the first {@code split} bytes, then the rest. */
    static final class SplitOnce extends InputStream {
        private final byte[] data;
        private final int split;
        private int pos;

        SplitOnce(byte[] data, int split) {
            this.data = data;
            this.split = split;
        }

        @Override
        public int read() {
            return pos == data.length ? -1 : data[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == data.length) {
                return -1;
            }
            int end = pos < split ? split : data.length;
            int n = Math.min(len, end - pos);
            if (n == 0) {
                end = data.length;
                n = Math.min(len, end - pos);
            }
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

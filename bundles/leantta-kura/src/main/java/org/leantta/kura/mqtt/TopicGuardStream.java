package org.leantta.kura.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a broker sends, with every PUBLISH topic made readable for Eclipse Paho 1.2.5: a topic holding a character
 * Paho refuses ({@link TopicGuard}) gets U+FFFD in its place and the packet's lengths are rewritten to match, so
 * Paho decodes and acknowledges the message instead of losing its receiver thread; every other byte passes
 * unchanged. A packet's fixed header (and a PUBLISH's topic) is read whole before any of it is handed on, so a
 * read timeout (Paho sets 1 s) never splits a header, and a timeout anywhere leaves this stream where it was.
 */
final class TopicGuardStream extends InputStream {
    private static final int MAX_REMAINING_LENGTH = 268_435_455;
    private static final int PUBLISH = 3;
    /** Room before a repaired topic for the fixed header (up to 5 bytes) and the topic length. */
    private static final int TOPIC_AT = 7;
    private final InputStream in;
    /** Bytes read from {@code in} and not handed on yet: {@code buf[pos, lim)}. */
    private byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    /** A repaired packet head to hand on first: {@code head[headPos, headLim)}. */
    private byte[] head;
    private int headPos;
    private int headLim;
    /** Bytes of the current packet still to hand on unchanged (from {@code buf}, then from {@code in}). */
    private long unchanged;
    private final byte[] one = new byte[1];

    TopicGuardStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (headPos == headLim && unchanged == 0 && !nextPacket()) {
            return -1;
        }
        if (headPos < headLim) {
            int n = Math.min(len, headLim - headPos);
            System.arraycopy(head, headPos, b, off, n);
            headPos += n;
            return n;
        }
        return passOn(b, off, len);
    }

    private int passOn(byte[] b, int off, int len) throws IOException {
        int max = (int) Math.min(len, unchanged);
        if (pos == lim) {
            // straight into the caller's array, never past the packet's end
            int n = in.read(b, off, max);
            if (n > 0) {
                unchanged -= n;
            }
            return n;
        }
        int n = Math.min(max, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        unchanged -= n;
        return n;
    }

    /** Reads until the next packet's head is known and set up; false at the end of the stream. */
    private boolean nextPacket() throws IOException {
        int need;
        while ((need = examine()) > 0) {
            if (fill(need) < 0) {
                // the stream ends inside a packet head: hand on what there is, then the end
                unchanged = lim - pos;
                return unchanged > 0;
            }
        }
        return true;
    }

    /** Reads once from {@code in} into {@code buf}, making room for {@code need} bytes from {@code pos}. */
    private int fill(int need) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, need);
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n > 0) {
            lim += n;
        }
        return n;
    }

    /**
     * Looks at the packet starting at {@code pos}: returns how many bytes from {@code pos} it needs to decide, or
     * 0 once it has set the packet up to be handed on (unchanged, or with a repaired head).
     */
    private int examine() {
        int avail = lim - pos;
        int remaining = 0;
        int headerLength = 1;
        for (int shift = 0; ; shift += 7) {
            if (headerLength == 5) {
                // not MQTT's four-byte length: framing is lost, so touch nothing from here on
                unchanged = Long.MAX_VALUE;
                return 0;
            }
            if (avail <= headerLength) {
                return headerLength + 1;
            }
            int digit = buf[pos + headerLength++];
            remaining |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        int need = examineTopic(headerLength, remaining);
        if (need == 0) {
            unchanged = (long) headerLength + remaining;
        }
        return Math.max(need, 0);
    }

    /** Bytes from {@code pos} still needed to judge the topic, 0 if the packet passes unchanged, -1 if repaired. */
    private int examineTopic(int headerLength, int remaining) {
        if ((buf[pos] & 0xff) >> 4 != PUBLISH || remaining < 2) {
            return 0;
        }
        int topicAt = pos + headerLength + 2;
        if (lim < topicAt) {
            return headerLength + 2;
        }
        int topicLength = (buf[topicAt - 2] & 0xff) << 8 | buf[topicAt - 1] & 0xff;
        if (topicLength > remaining - 2) {
            // a malformed packet: Paho reports it as such
            return 0;
        }
        if (lim < topicAt + topicLength) {
            return headerLength + 2 + topicLength;
        }
        if (!TopicGuard.refused(buf, topicAt, topicLength)) {
            return 0;
        }
        repair(headerLength, remaining, topicLength);
        return -1;
    }

    /** Sets up the repaired head of the PUBLISH at {@code pos} and skips its original head. */
    private void repair(int headerLength, int remaining, int topicLength) {
        int max = (int) Math.min(TopicGuard.MAX_TOPIC_BYTES, (long) topicLength + MAX_REMAINING_LENGTH - remaining);
        int room = TOPIC_AT + Math.min(3 * topicLength, max);
        if (head == null || head.length < room) {
            head = new byte[room];
        }
        int topicAt = pos + headerLength + 2;
        int repaired = TopicGuard.repair(buf, topicAt, topicLength, head, TOPIC_AT, max);
        int rest = remaining - 2 - topicLength;
        int start = TOPIC_AT - 2;
        head[start] = (byte) (repaired >> 8);
        head[start + 1] = (byte) repaired;
        start -= lengthBytes(rest + 2 + repaired);
        writeLength(rest + 2 + repaired, start);
        head[--start] = buf[pos];
        headPos = start;
        headLim = TOPIC_AT + repaired;
        pos = topicAt + topicLength;
        unchanged = rest;
    }

    private static int lengthBytes(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    private void writeLength(int value, int at) {
        int v = value;
        int i = at;
        do {
            int digit = v & 0x7F;
            v >>>= 7;
            head[i++] = (byte) (v > 0 ? digit | 0x80 : digit);
        } while (v > 0);
    }

    @Override
    public int available() throws IOException {
        return (headLim - headPos) + (int) Math.min(unchanged, lim - pos);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

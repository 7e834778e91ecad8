package org.leantta.kura.mqtt;

/**
 * The topic characters Eclipse Paho 1.2.5 cannot read in a PUBLISH, and their replacement. Paho's
 * {@code MqttWireMessage.validateUTF8String} throws on every character outside U+0020..U+007E and U+00A0..U+FDCF:
 * on control characters, on everything from U+FDD0 up (U+FFFD included, which is what Java's decoder makes of
 * malformed UTF-8), and on every character beyond U+FFFF (it takes a valid surrogate pair for a broken one); the
 * exception ends Paho's receiver thread. Each run of such characters, or of bytes that are not UTF-8, becomes one
 * {@link #MARK} (U+241A SYMBOL FOR SUBSTITUTE), which Paho reads.
 */
final class TopicGuard {
    /** What stands in a repaired topic for what Paho could not read. */
    static final char MARK = '\u241A';
    /** The longest topic MQTT can carry (a two-byte length). */
    static final int MAX_TOPIC_BYTES = 65_535;
    private static final byte[] MARK_UTF8 = {(byte) 0xE2, (byte) 0x90, (byte) 0x9A};

    private TopicGuard() {
    }

    /** Whether Paho would refuse the topic in {@code b[off, off+len)}. */
    static boolean refused(byte[] b, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; ) {
            int n = sequence(b, i, end);
            if (!readable(b, i, n)) {
                return true;
            }
            i += n;
        }
        return false;
    }

    /**
     * Writes the topic {@code src[off, off+len)} to {@code dst} from {@code dstOff} with each run of what Paho
     * cannot read replaced by {@link #MARK}, in at most {@code max} bytes, and returns the length written. A topic
     * that grows past {@code max} (a one-byte control character becomes three bytes) is cut at a character and
     * ends in the mark; if not even that fits, the topic is empty. {@code dst} needs room for
     * {@code min(3 * len, max)} bytes.
     */
    static int repair(byte[] src, int off, int len, byte[] dst, int dstOff, int max) {
        int end = off + len;
        int written = 0;
        int lastCut = -1;
        boolean marked = false;
        for (int i = off; i < end; ) {
            int n = Math.max(sequence(src, i, end), 1);
            boolean bad = !readable(src, i, n);
            int out = bad ? (marked ? 0 : MARK_UTF8.length) : n;
            if (written <= max - MARK_UTF8.length) {
                lastCut = written;
            }
            if (written + out > max) {
                return cut(dst, dstOff, lastCut);
            }
            System.arraycopy(bad ? MARK_UTF8 : src, bad ? 0 : i, dst, dstOff + written, out);
            written += out;
            marked = bad;
            i += n;
        }
        return written;
    }

    private static int cut(byte[] dst, int dstOff, int at) {
        if (at < 0) {
            return 0;
        }
        System.arraycopy(MARK_UTF8, 0, dst, dstOff + at, MARK_UTF8.length);
        return at + MARK_UTF8.length;
    }

    /**
     * The length of the well-formed UTF-8 sequence at {@code i}, or 0 if none starts there: the strict UTF-8 of
     * Java's decoder (no overlong forms, no surrogates, nothing beyond U+10FFFF).
     */
    static int sequence(byte[] b, int i, int end) {
        int b0 = b[i] & 0xff;
        if (b0 < 0x80) {
            return 1;
        }
        int n = b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF5 ? 4 : 0;
        if (n == 0 || i + n > end) {
            return 0;
        }
        int b1 = b[i + 1] & 0xff;
        int low = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
        int high = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
        if (b1 < low || b1 > high) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    /** Whether Paho reads the {@code n}-byte sequence at {@code i} (0 or 1 for a byte that starts none). */
    private static boolean readable(byte[] b, int i, int n) {
        int b0 = b[i] & 0xff;
        switch (n) {
            case 1:
                return b0 >= 0x20 && b0 < 0x7F;
            case 2:
                return b0 > 0xC2 || (b[i + 1] & 0xff) >= 0xA0;
            case 3:
                return ((b0 & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F) < 0xFDD0;
            default:
                return false;
        }
    }
}

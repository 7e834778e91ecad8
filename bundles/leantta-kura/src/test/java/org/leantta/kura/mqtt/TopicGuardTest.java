package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;

/**
 * Which topic characters Eclipse Paho 1.2.5 refuses, checked against Paho's own decoder, and their replacement by
 * the mark.
 */
class TopicGuardTest {
    /** What a topic may hold: characters Paho reads, characters it refuses, and bytes that are not UTF-8. */
    private static final String[] READABLE = {"a", "/", "sensors", "-", "~", " ", "ü", "\u00A0", "温", "\uFDCF",
        "\u241A"};
    private static final String[] REFUSED = {"\uFFFF", "\uFFFD", "\uFDEF", "\uFE0F", "😀", "\uD835\uDD38",
        "\u0000", "\u001F", "\u007F", "\u0085", "\u009F", "\uFDD0", "\uFFFE", "\t", "\n"};
    private static final byte[][] MALFORMED = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xF4, (byte) 0x90,
            (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE1, (byte) 0x80}, {(byte) 0xC2}};

    @Test
    void everyCharacterIsRefusedExactlyWhenPahoRefusesIt() {
        List<String> disagreements = new ArrayList<>();
        int refusedInBmp = 0;
        for (int cp = 0; cp <= 0xFFFF; cp++) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                refusedInBmp += refusedByPaho(cp, disagreements) ? 1 : 0;
            }
        }
        // beyond the BMP: the emoji blocks and both ends of every plane
        int refusedBeyond = 0;
        int testedBeyond = 0;
        for (int cp = 0x10000; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= 0x1F000 && cp <= 0x1FAFF || (cp & 0xFFFF) < 0x100 || (cp & 0xFFFF) > 0xFEFF) {
                testedBeyond++;
                refusedBeyond += refusedByPaho(cp, disagreements) ? 1 : 0;
            }
        }

        assertThat(disagreements).isEmpty();
        // C0 and DEL, C1, U+FDD0..U+FFFF; and every character beyond U+FFFF
        assertThat(refusedInBmp).isEqualTo(33 + 32 + (0xFFFF - 0xFDD0 + 1));
        assertThat(refusedBeyond).isEqualTo(testedBeyond);
    }

    /** Whether Paho refuses one character; notes it if TopicGuard says otherwise. */
    private static boolean refusedByPaho(int cp, List<String> disagreements) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        boolean paho = pahoRefuses(b);
        if (TopicGuard.refused(b, 0, b.length) != paho) {
            disagreements.add(String.format("U+%04X (Paho refuses: %s)", cp, paho));
        }
        return paho;
    }

    @Test
    void aTopicPahoReadsIsLeftAsItIsAndARepairedOneReadsAsTheOriginalWithAMarkForEachRunOfWhatPahoRefused() {
        Random random = new Random(11);
        byte[] dst = new byte[3 * 200];
        int repairedCount = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] topic = randomTopic(random);
            int n = TopicGuard.repair(topic, 0, topic.length, dst, 0, TopicGuard.MAX_TOPIC_BYTES);
            byte[] repaired = Arrays.copyOf(dst, n);
            assertThat(pahoRefuses(repaired)).isFalse();
            if (!pahoRefuses(topic)) {
                assertThat(TopicGuard.refused(topic, 0, topic.length)).isFalse();
                assertThat(repaired).isEqualTo(topic);
            } else {
                repairedCount++;
                assertThat(TopicGuard.refused(topic, 0, topic.length)).isTrue();
                assertThat(collapsed(pahoDecodes(repaired)))
                        .isEqualTo(collapsed(marked(new String(topic, StandardCharsets.UTF_8))));
            }
        }
        assertThat(repairedCount).isBetween(500, 4_500);
    }

    @Test
    void eachRunOfUnreadableCharactersOrBytesBecomesOneMark() {
        byte[] dst = new byte[64];
        byte[] topic = Packets.concat(Packets.utf8("s/😀😀\u0001x\uFFFF"), new byte[] {(byte) 0xF0, (byte) 0x9F},
                Packets.utf8("-ü\u241A"));

        assertThat(repair(topic, dst, 100)).isEqualTo("s/\u241Ax\u241A-ü\u241A");
    }

    @Test
    void aTopicThatWouldGrowPastTheLimitIsCutAtACharacterAndEndsInTheMark() {
        byte[] topic = Packets.utf8("ab\u0001cd\u0001e");
        byte[] dst = new byte[64];

        assertThat(repair(topic, dst, 100)).isEqualTo("ab\u241Acd\u241Ae");
        assertThat(repair(topic, dst, 11)).isEqualTo("ab\u241Acd\u241Ae");
        assertThat(repair(topic, dst, 10)).isEqualTo("ab\u241Acd\u241A");
        assertThat(repair(topic, dst, 9)).isEqualTo("ab\u241Ac\u241A");
        assertThat(repair(topic, dst, 4)).isEqualTo("a\u241A");
        assertThat(repair(topic, dst, 2)).isEmpty();
    }

    @Test
    void theLongestTopicStaysWithinMqttsLimitWhenItGrows() {
        byte[] topic = Packets.utf8("a\u0001".repeat(TopicGuard.MAX_TOPIC_BYTES / 2) + "a");
        byte[] dst = new byte[3 * topic.length];

        int n = TopicGuard.repair(topic, 0, topic.length, dst, 0, TopicGuard.MAX_TOPIC_BYTES);

        assertThat(n).isBetween(TopicGuard.MAX_TOPIC_BYTES - 3, TopicGuard.MAX_TOPIC_BYTES);
        String read = pahoDecodes(Arrays.copyOf(dst, n));
        assertThat(read).startsWith("a\u241Aa\u241A").endsWith("\u241A");
        assertThat(read.replace("a\u241A", "")).isIn("", "\u241A");
    }

    private static String repair(byte[] topic, byte[] dst, int max) {
        int n = TopicGuard.repair(topic, 0, topic.length, dst, 0, max);
        assertThat(n).isLessThanOrEqualTo(max);
        return new String(dst, 0, n, StandardCharsets.UTF_8);
    }

    static byte[] randomTopic(Random random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            int kind = random.nextInt(30);
            if (kind == 0) {
                out.writeBytes(MALFORMED[random.nextInt(MALFORMED.length)]);
            } else if (kind == 1) {
                out.writeBytes(Packets.utf8(REFUSED[random.nextInt(REFUSED.length)]));
            } else {
                out.writeBytes(Packets.utf8(READABLE[random.nextInt(READABLE.length)]));
            }
        }
        return out.toByteArray();
    }

    /** Java's decoding (malformed input is U+FFFD) with every character Paho refuses replaced by the mark. */
    static String marked(String decoded) {
        StringBuilder b = new StringBuilder();
        decoded.codePoints().forEach(cp -> {
            byte[] one = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            b.appendCodePoint(pahoRefuses(one) ? TopicGuard.MARK : cp);
        });
        return b.toString();
    }

    static String collapsed(String s) {
        return s.replaceAll(TopicGuard.MARK + "+", String.valueOf(TopicGuard.MARK));
    }

    static boolean pahoRefuses(byte[] topic) {
        try {
            pahoDecodes(topic);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The topic as Paho's PUBLISH decoder reads it (length-prefixed UTF-8). */
    static String pahoDecodes(byte[] topic) {
        byte[] framed = new byte[topic.length + 2];
        framed[0] = (byte) (topic.length >> 8);
        framed[1] = (byte) topic.length;
        System.arraycopy(topic, 0, framed, 2, topic.length);
        try {
            return MqttWireMessage.decodeUTF8(new DataInputStream(new ByteArrayInputStream(framed)));
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new AssertionError(e);
        }
    }
}

package org.leantta.itests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.leantta.tooling.data.ImageSet;

/**
 * Malformed payloads and odd but legal sensor names, deterministic from a seed; each case knows whether the gateway
 * must answer it with a prediction. Names avoid what Paho 1.2.5 cannot decode (characters outside the Basic
 * Multilingual Plane, control characters, U+FDD0 and up): that receiver bug is guarded elsewhere.
 */
final class Fuzz {
    /** One message to a sensors topic. */
    record Case(String sensor, byte[] payload, boolean valid, String kind) {
    }

    private static final String[] NAMES = {"cam0", "cam1", "späť-é", "名前-センサー", "with space", "$dollar",
        "a.b-c_d", "ünïcödé·line", "-"};
    private final Random rnd;
    private final ImageSet images;
    /** The sensor-name length (UTF-8 bytes) whose predictions topic is exactly MQTT's 65,535 bytes. */
    private final int longest;

    Fuzz(long seed, ImageSet images, String base) {
        this.rnd = new Random(seed);
        this.images = images;
        this.longest = 65_535 - (base + "predictions/").getBytes(StandardCharsets.UTF_8).length;
    }

    Case next(int i) {
        String sensor = sensor(i);
        boolean topicOk = (sensor.getBytes(StandardCharsets.UTF_8).length <= longest);
        int kind = rnd.nextInt(14);
        byte[] payload = payload(kind, i);
        return new Case(sensor, payload, topicOk && kind <= 2, "kind " + kind);
    }

    private String sensor(int i) {
        return switch (i) {
            case 101 -> "x".repeat(longest);          // the predictions topic is exactly 65,535 bytes
            case 202 -> "y".repeat(longest + 1);      // one byte too many
            case 303 -> "é".repeat(longest / 2 + 1);  // too many bytes, though fewer characters than 'longest'
            case 404 -> "z".repeat(longest + 4);      // the sensors topic itself is at MQTT's limit
            default -> i % 3 == 0 ? "s" + "o".repeat(rnd.nextInt(400)) : NAMES[rnd.nextInt(NAMES.length)];
        };
    }

    private byte[] payload(int kind, int i) {
        float[] image = images.image(i % 1000);
        String json = jsonUint8("f-" + i, image);
        return switch (kind) {
            case 0 -> utf8(json);
            case 1 -> rawUint8(image);
            case 2 -> float32(image, false);
            case 3 -> Arrays.copyOf(utf8(json), 1 + rnd.nextInt(json.length() - 1));
            case 4 -> Arrays.copyOf(utf8(json), image.length);   // truncated JSON of a raw image's size
            case 5 -> utf8("{\"id\":\"f-" + i + "\",\"data\":[1,2,3]}");
            case 6 -> utf8(json.replaceFirst("\"data\":\\[\\d+", "\"data\":[1e39"));
            case 7 -> random(1 + rnd.nextInt(700));
            case 8 -> float32(image, true);
            case 9 -> new byte[0];
            case 10 -> random(70_000);
            case 11 -> utf8(json.replaceFirst("\"data\":\\[\\d+", "\"data\":[300"));
            case 12 -> utf8(json.replace("\"uint8\"", "\"int16\""));
            default -> utf8("[1,2,3]");
        };
    }

    private byte[] random(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static String jsonUint8(String id, float[] image) {
        StringBuilder sb = new StringBuilder("{\"id\":\"").append(id).append("\",\"encoding\":\"uint8\",\"data\":[");
        for (int k = 0; k < image.length; k++) {
            sb.append(k == 0 ? "" : ",").append(Math.round(image[k] * 255));
        }
        return sb.append("]}").toString();
    }

    /** Raw uint8 pixels; the first is 0, so that no pixel of 123 makes it look like JSON. */
    static byte[] rawUint8(float[] image) {
        byte[] b = new byte[image.length];
        for (int k = 1; k < image.length; k++) {
            b[k] = (byte) Math.round(image[k] * 255);
        }
        return b;
    }

    private static byte[] float32(float[] image, boolean withNaN) {
        ByteBuffer b = ByteBuffer.allocate(4 * image.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < image.length; k++) {
            b.putFloat(k == 0 ? 0f : withNaN && k == image.length / 2 ? Float.NaN : image[k]);
        }
        return b.array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

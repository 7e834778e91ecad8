package org.leantta.kura.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.leantta.api.Encoding;
import org.leantta.kura.RawValues;
import org.leantta.core.json.Json;

/**
 * Turns one MQTT message into an {@link Item}. Never throws: whatever cannot be read becomes a
 * {@link Item.Rejected} carrying the reason. The payload format is never guessed from a failed parse: in
 * {@link PayloadFormat#AUTO} a payload whose first non-blank byte is '{' is JSON or refused.
 */
public final class Decoder {
    private static final String UNREADABLE_TOPIC = "the topic has characters the gateway's MQTT client cannot read, "
            + "shown as " + TopicGuard.MARK + " (U+241A): emoji and other characters beyond U+FFFF, characters from "
            + "U+FDD0 up, control characters, or bytes that are not UTF-8; name sensors and commands without them "
            + "(letters, digits, '-', '_' and '.' are safe)";
    private static final String RAW_HINT = "; a raw sample whose first byte can be '{' needs payload.format uint8 "
            + "or float32";
    private final Topics topics;
    private final int maxPayloadBytes;
    private final PayloadFormat format;
    /** The model's input size, asked per message because the model may change under a live update. */
    private final IntSupplier inputSize;
    private final AtomicLong sequence = new AtomicLong();

    Decoder(Topics topics, int maxPayloadBytes, PayloadFormat format, IntSupplier inputSize) {
        this.topics = topics;
        this.maxPayloadBytes = maxPayloadBytes;
        this.format = format;
        this.inputSize = inputSize;
    }

    Decoder(Topics topics, int maxPayloadBytes, IntSupplier inputSize) {
        this(topics, maxPayloadBytes, PayloadFormat.AUTO, inputSize);
    }

    /** A decoder of samples and command bodies that arrive without an MQTT topic (Kura's cloud connection). */
    public static Decoder forMessages(int maxPayloadBytes, IntSupplier inputSize) {
        return new Decoder(null, maxPayloadBytes, inputSize);
    }

    Item decode(String topic, byte[] payload) {
        try {
            if (topic.indexOf(TopicGuard.MARK) >= 0) {
                return unreadableTopic(topic, payload);
            }
            String sensor = topics.sensorOf(topic);
            if (sensor != null) {
                return sampleOf(topic, sensor, payload);
            }
            String command = topics.commandOf(topic);
            if (command != null) {
                return command(topic, command, payload);
            }
            Topics.GroupCommand group = topics.groupCommand(topic);
            if (group != null && group.member()) {
                Item c = command(topic, group.command(), payload);
                return c instanceof Item.Command ic ? ic.inGroup(group.group()) : c;
            }
            if (group != null) {
                return new Item.Rejected(topic, null, null, "a command to group " + group.group() + ", which this "
                        + "gateway is not in (its groups: " + topics.groups() + "): delivered by a subscription its "
                        + "broker session kept from an earlier configuration; not executed", payload.length);
            }
            return new Item.Rejected(topic, null, null, "not a sensors or commands topic: expected "
                    + "<prefix>/<device>/sensors/<sensor>, <prefix>/<device>/commands/<command> or "
                    + "<prefix>/fleet/<group>/commands/<command> of one of its groups", payload.length);
        } catch (RuntimeException e) {
            return new Item.Rejected(topic, null, null, "could not decode: " + e, payload.length);
        }
    }

    /**
     * A topic in which {@link TopicGuard} marked what the MQTT client cannot read: the sensor's name is lost (and
     * the client could not publish on its predictions topic anyway), so the sample is reported, with its id
     * where the payload has one.
     */
    private Item unreadableTopic(String topic, byte[] payload) {
        String sensor = topics.sensorOf(topic);
        Item sample = sensor == null ? null : sampleOf(topic, sensor, payload);
        String id = sample instanceof Item.Sample s ? s.id() : sample instanceof Item.Rejected r ? r.id() : null;
        return new Item.Rejected(topic, sensor, id, UNREADABLE_TOPIC, payload.length);
    }

    /**
     * A sensor sample: a JSON sample object or the model's values as raw bytes (uint8, or float32
     * little-endian); {@code origin} is named in the report if it is rejected. Never throws.
     */
    public Item sample(String origin, String sensor, byte[] payload) {
        try {
            return sampleOf(origin, sensor, payload);
        } catch (RuntimeException e) {
            return new Item.Rejected(origin, sensor, null, "could not decode: " + e, payload.length);
        }
    }

    private Item sampleOf(String topic, String sensor, byte[] payload) {
        String fallbackId = sensor + "-" + sequence.incrementAndGet();
        if (payload.length == 0) {
            return new Item.Rejected(topic, sensor, null,
                    "empty payload: expected a JSON sample or the model's values as raw bytes", 0);
        }
        if (payload.length > maxPayloadBytes) {
            return new Item.Rejected(topic, sensor, null, "payload of " + payload.length
                    + " bytes exceeds max.payload.bytes " + maxPayloadBytes, payload.length);
        }
        return switch (format) {
            case JSON -> jsonSample(topic, sensor, payload, fallbackId);
            case UINT8, FLOAT32 -> rawSample(topic, sensor, payload, fallbackId);
            case AUTO -> looksLikeJson(payload) ? jsonSample(topic, sensor, payload, fallbackId)
                    : binarySample(topic, sensor, payload, fallbackId);
        };
    }

    private static boolean looksLikeJson(byte[] p) {
        for (byte b : p) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private Item jsonSample(String topic, String sensor, byte[] payload, String fallbackId) {
        Map<String, Object> m;
        try {
            m = Json.parseObject(utf8(payload));
        } catch (IllegalArgumentException e) {
            // never guessed: a payload read as JSON that does not parse is refused, whatever its size
            return new Item.Rejected(topic, sensor, null, notJson(e.getMessage(), payload.length), payload.length);
        }
        Object idValue = m.get("id");
        String id = idValue == null ? fallbackId : idText(idValue);
        String problem = problem(m);
        if (problem != null) {
            return new Item.Rejected(topic, sensor, id, problem, payload.length);
        }
        List<?> data = (List<?>) m.get("data");
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(data.get(i) instanceof Double d)) {
                return new Item.Rejected(topic, sensor, id, "data[" + i + "] is a " + Json.kind(data.get(i))
                        + ", expected a number", payload.length);
            }
            values[i] = d.floatValue();
            if (!Float.isFinite(values[i])) {
                return new Item.Rejected(topic, sensor, id, "data[" + i + "] = " + d + " is out of float32 range",
                        payload.length);
            }
        }
        long ts = m.get("ts") == null ? System.currentTimeMillis() : ((Double) m.get("ts")).longValue();
        Encoding encoding = m.get("encoding") == null ? Encoding.FLOAT32 : Encoding.parse((String) m.get("encoding"));
        return new Item.Sample(sensor, id, ts, values, encoding, payload.length);
    }

    private String notJson(String reason, int length) {
        if (format == PayloadFormat.JSON) {
            return reason + " (payload.format is json)";
        }
        int n = inputSize.getAsInt();
        return length == n || length == 4 * n ? reason + RAW_HINT : reason;
    }

    /** What is wrong with a JSON sample's fields, or null. */
    private static String problem(Map<String, Object> m) {
        Object data = m.get("data");
        if (!(data instanceof List)) {
            return data == null ? "missing \"data\": expected an array of numbers"
                    : "\"data\" is a " + Json.kind(data) + ", expected an array of numbers";
        }
        Object id = m.get("id");
        if (id != null && !(id instanceof String) && !(id instanceof Double)) {
            return "\"id\" is a " + Json.kind(id) + ", expected a string or a number";
        }
        Object ts = m.get("ts");
        if (ts != null && !(ts instanceof Double)) {
            return "\"ts\" is a " + Json.kind(ts) + ", expected milliseconds since the epoch";
        }
        Object enc = m.get("encoding");
        if (enc != null && !("float32".equals(enc) || "uint8".equals(enc))) {
            return "\"encoding\" is " + Json.compact(enc) + ", expected \"float32\" or \"uint8\"";
        }
        return null;
    }

    private static String idText(Object id) {
        if (id instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(id);
    }

    private Item binarySample(String topic, String sensor, byte[] payload, String id) {
        try {
            RawValues raw = RawValues.bySize(payload, inputSize.getAsInt(), "binary payload");
            return new Item.Sample(sensor, id, System.currentTimeMillis(), raw.values(), raw.encoding(), payload.length);
        } catch (IllegalArgumentException e) {
            return new Item.Rejected(topic, sensor, id, e.getMessage(), payload.length);
        }
    }

    /** A raw sample in the configured format (uint8 or float32), which fixes the size it must have. */
    private Item rawSample(String topic, String sensor, byte[] payload, String id) {
        int n = inputSize.getAsInt();
        boolean uint8 = format == PayloadFormat.UINT8;
        int expected = uint8 ? n : 4 * n;
        if (payload.length != expected) {
            return new Item.Rejected(topic, sensor, id, "payload of " + payload.length + " bytes: payload.format is "
                    + format.id() + " and the model takes " + n + " values, so expected " + expected + " bytes",
                    payload.length);
        }
        return binarySample(topic, sensor, payload, id);
    }

    /** A command with its optional JSON body (a body that cannot be used is the command's bodyError). */
    public Item command(String topic, String command, byte[] payload) {
        Map<String, Object> body = Map.of();
        if (payload.length > maxPayloadBytes) {
            return new Item.Command(command, null, Map.of(), "command payload of " + payload.length
                    + " bytes exceeds max.payload.bytes " + maxPayloadBytes);
        }
        String text;
        try {
            text = utf8(payload).strip();
            if (!text.isEmpty()) {
                body = Json.parseObject(text);
            }
        } catch (IllegalArgumentException e) {
            return new Item.Command(command, null, Map.of(), e.getMessage());
        }
        Object rid = body.get("requestId");
        if (rid != null && !(rid instanceof String) && !(rid instanceof Double)) {
            return new Item.Command(command, null, Map.of(), "\"requestId\" is a JSON " + Json.kind(rid)
                    + ", expected a string of 1-128 letters, digits or ._:-");
        }
        return new Item.Command(command, rid == null ? null : idText(rid), body);
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("payload is not UTF-8 text, so not JSON");
        }
    }
}

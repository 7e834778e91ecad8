package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leantta.api.Encoding;

/** One MQTT message in, one {@link Item} out; nothing ever throws and every rejection says what was expected. */
class DecoderTest {
    private static final String SENSOR_TOPIC = "leantta/gw-1/sensors/cam1";
    private static final int MAX_BYTES = 256;

    private Decoder decoder = new Decoder(new Topics("leantta", "gw-1"), MAX_BYTES, () -> 4);

    // --- JSON samples -------------------------------------------------------------------------------------------

    @Test
    void aCommandToOneOfTheDevicesGroupsNamesTheGroup() {
        decoder = new Decoder(new Topics("leantta", "gw-1", java.util.List.of("north")), MAX_BYTES, () -> 4);

        Item item = decoder.decode("leantta/fleet/north/commands/reset", "{\"requestId\":\"g-1\"}".getBytes());
        Item other = decoder.decode("leantta/fleet/south/commands/reset", new byte[0]);

        assertThat(item).isEqualTo(new Item.Command("reset", "g-1", Map.of("requestId", "g-1"), null, "north"));
        assertThat(other).isInstanceOfSatisfying(Item.Rejected.class, r -> assertThat(r.reason())
                .startsWith("a command to group south, which this gateway is not in (its groups: [north])"));
    }

    @Test
    void jsonFloat32SampleKeepsIdTsAndValues() {
        Item item = whenSensorSends("{\"id\":\"m-1\",\"ts\":1700000000000,\"data\":[0.5,-1,2.25,3e2]}");

        Item.Sample s = thenSample(item);
        assertThat(s.sensor()).isEqualTo("cam1");
        assertThat(s.id()).isEqualTo("m-1");
        assertThat(s.ts()).isEqualTo(1_700_000_000_000L);
        assertThat(s.values()).containsExactly(0.5f, -1f, 2.25f, 300f);
        assertThat(s.encoding()).isEqualTo(Encoding.FLOAT32);
    }

    @Test
    void jsonUint8SampleIsMarkedUint8() {
        Item.Sample s = thenSample(whenSensorSends("{\"encoding\":\"uint8\",\"data\":[0,255,7,128]}"));

        assertThat(s.values()).containsExactly(0f, 255f, 7f, 128f);
        assertThat(s.encoding()).isEqualTo(Encoding.UINT8);
    }

    @Test
    void explicitFloat32EncodingIsAccepted() {
        assertThat(thenSample(whenSensorSends("{\"encoding\":\"float32\",\"data\":[1,2,3,4]}")).encoding())
                .isEqualTo(Encoding.FLOAT32);
    }

    @Test
    void missingIdAndTsGetDefaults() {
        long before = System.currentTimeMillis();
        Item.Sample first = thenSample(whenSensorSends("  {\"data\":[1,2,3,4]}"));
        Item.Sample second = thenSample(whenSensorSends("{\"data\":[1,2,3,4]}"));
        long after = System.currentTimeMillis();

        assertThat(first.id()).isEqualTo("cam1-1");
        assertThat(second.id()).isEqualTo("cam1-2");
        assertThat(first.ts()).isBetween(before, after);
    }

    @Test
    void numericIdsBecomeText() {
        assertThat(thenSample(whenSensorSends("{\"id\":42,\"data\":[1,2,3,4]}")).id()).isEqualTo("42");
        assertThat(thenSample(whenSensorSends("{\"id\":1.5,\"data\":[1,2,3,4]}")).id()).isEqualTo("1.5");
    }

    // --- binary samples -----------------------------------------------------------------------------------------

    @Test
    void binaryFloat32IsLittleEndian() {
        Item.Sample s = thenSample(whenSensorSends(float32(0.5f, -2f, 1e-3f, 123456f)));

        assertThat(s.values()).containsExactly(0.5f, -2f, 1e-3f, 123456f);
        assertThat(s.encoding()).isEqualTo(Encoding.FLOAT32);
        assertThat(s.id()).isEqualTo("cam1-1");
    }

    @Test
    void binaryUint8OfTheModelsSizeIsUnsigned() {
        Item.Sample s = thenSample(whenSensorSends(new byte[] {0, (byte) 255, (byte) 128, 7}));

        assertThat(s.values()).containsExactly(0f, 255f, 128f, 7f);
        assertThat(s.encoding()).isEqualTo(Encoding.UINT8);
    }

    @Test
    void inAutoARawSampleWhoseFirstByteIsABraceIsRefusedNotGuessedAndTheReasonSaysWhatToSet() {
        // 0x3F80007B little-endian starts with 0x7B = '{', followed by bytes that are not UTF-8
        float v = Float.intBitsToFloat(0x3F80007B);

        Item.Rejected r = thenRejected(whenSensorSends(float32(v, 1f, 2f, 3f)));

        assertThat(r.reason()).isEqualTo("payload is not UTF-8 text, so not JSON; a raw sample whose first byte "
                + "can be '{' needs payload.format uint8 or float32");
        // pixels 32, 123, 97, 98 read as text are " {ab": whitespace, then malformed JSON
        assertThat(thenRejected(whenSensorSends(new byte[] {32, 123, 97, 98})).reason())
                .startsWith("malformed JSON at offset ").endsWith("needs payload.format uint8 or float32");
    }

    @Test
    void aTruncatedJsonSampleOfTheRawSizeIsRefusedNotReadAsAnImage() {
        // 16 bytes: the size of 4 float32 values
        Item.Rejected r = thenRejected(whenSensorSends("{\"data\":[1,2,3,"));

        assertThat(r.reason()).startsWith("malformed JSON at offset ");
    }

    @Test
    void theFloat32FormatReadsARawSampleWhoseFirstByteIsABrace() {
        decoder = new Decoder(new Topics("leantta", "gw-1"), MAX_BYTES, PayloadFormat.FLOAT32, () -> 4);
        float v = Float.intBitsToFloat(0x3F80007B);

        Item.Sample s = thenSample(whenSensorSends(float32(v, 1f, 2f, 3f)));

        assertThat(s.values()).containsExactly(v, 1f, 2f, 3f);
        assertThat(s.encoding()).isEqualTo(Encoding.FLOAT32);
        assertThat(thenRejected(whenSensorSends(new byte[] {1, 2, 3, 4})).reason()).isEqualTo("payload of 4 "
                + "bytes: payload.format is float32 and the model takes 4 values, so expected 16 bytes");
    }

    @Test
    void theUint8FormatReadsARawSampleThatLooksLikeJson() {
        decoder = new Decoder(new Topics("leantta", "gw-1"), MAX_BYTES, PayloadFormat.UINT8, () -> 4);

        Item.Sample s = thenSample(whenSensorSends(new byte[] {32, 123, 97, 98}));

        assertThat(s.values()).containsExactly(32f, 123f, 97f, 98f);
        assertThat(s.encoding()).isEqualTo(Encoding.UINT8);
        assertThat(thenRejected(whenSensorSends(float32(1f, 2f, 3f, 4f))).reason()).isEqualTo("payload of 16 "
                + "bytes: payload.format is uint8 and the model takes 4 values, so expected 4 bytes");
    }

    @Test
    void theJsonFormatRefusesRawSamples() {
        decoder = new Decoder(new Topics("leantta", "gw-1"), MAX_BYTES, PayloadFormat.JSON, () -> 4);

        assertThat(thenRejected(whenSensorSends(new byte[] {0, 1, 2, 3})).reason())
                .startsWith("malformed JSON at offset 0").endsWith("(payload.format is json)");
        assertThat(thenSample(whenSensorSends("{\"data\":[1,2,3,4]}")).values()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void aPayloadThatIsAJsonObjectIsReadAsJsonEvenWhenItsLengthFitsABinarySample() {
        // " { }" is both 4 uint8 values and an empty JSON object: JSON wins, so the reason is about JSON
        Item.Rejected r = thenRejected(whenSensorSends(new byte[] {32, 123, 32, 125}));

        assertThat(r.reason()).isEqualTo("missing \"data\": expected an array of numbers");
    }

    // --- rejections ---------------------------------------------------------------------------------------------

    @Test
    void emptyPayloadIsRejected() {
        Item.Rejected r = thenRejected(whenSensorSends(new byte[0]));

        assertThat(r.reason()).contains("empty payload");
        assertThat(r.sensor()).isEqualTo("cam1");
        assertThat(r.topic()).isEqualTo(SENSOR_TOPIC);
        assertThat(r.payloadBytes()).isZero();
    }

    @Test
    void oversizedPayloadIsRejectedNamingTheLimit() {
        Item.Rejected r = thenRejected(whenSensorSends(new byte[MAX_BYTES + 1]));

        assertThat(r.reason()).isEqualTo("payload of 257 bytes exceeds max.payload.bytes 256");
        assertThat(r.payloadBytes()).isEqualTo(MAX_BYTES + 1);
    }

    @Test
    void malformedJsonIsRejectedWithTheOffset() {
        Item.Rejected r = thenRejected(whenSensorSends("{\"data\":[1,2,,4]}"));

        assertThat(r.reason()).startsWith("malformed JSON at offset ");
        assertThat(r.sensor()).isEqualTo("cam1");
    }

    @Test
    void missingDataIsRejected() {
        assertThat(thenRejected(whenSensorSends("{\"id\":\"m-2\"}")).reason())
                .isEqualTo("missing \"data\": expected an array of numbers");
    }

    @Test
    void dataThatIsNotAnArrayIsRejected() {
        Item.Rejected r = thenRejected(whenSensorSends("{\"id\":\"m-3\",\"data\":\"1,2,3,4\"}"));

        assertThat(r.reason()).isEqualTo("\"data\" is a string, expected an array of numbers");
        assertThat(r.id()).isEqualTo("m-3");
    }

    @Test
    void nonNumberElementIsRejectedWithItsIndex() {
        assertThat(thenRejected(whenSensorSends("{\"data\":[1,\"x\",3,4]}")).reason())
                .isEqualTo("data[1] is a string, expected a number");
        assertThat(thenRejected(whenSensorSends("{\"data\":[1,2,null,4]}")).reason())
                .isEqualTo("data[2] is a null, expected a number");
    }

    @Test
    void valueBeyondFloat32IsRejected() {
        assertThat(thenRejected(whenSensorSends("{\"data\":[1,2,3,1e39]}")).reason())
                .startsWith("data[3] = ").endsWith("is out of float32 range");
    }

    @Test
    void badIdTypeIsRejected() {
        assertThat(thenRejected(whenSensorSends("{\"id\":true,\"data\":[1,2,3,4]}")).reason())
                .isEqualTo("\"id\" is a boolean, expected a string or a number");
    }

    @Test
    void badTsTypeIsRejected() {
        assertThat(thenRejected(whenSensorSends("{\"ts\":\"yesterday\",\"data\":[1,2,3,4]}")).reason())
                .isEqualTo("\"ts\" is a string, expected milliseconds since the epoch");
    }

    @Test
    void badEncodingIsRejected() {
        assertThat(thenRejected(whenSensorSends("{\"encoding\":8,\"data\":[1,2,3,4]}")).reason())
                .contains("\"encoding\" is 8").endsWith("expected \"float32\" or \"uint8\"");
        assertThat(thenRejected(whenSensorSends("{\"encoding\":\"int16\",\"data\":[1,2,3,4]}")).reason())
                .isEqualTo("\"encoding\" is \"int16\", expected \"float32\" or \"uint8\"");
    }

    @Test
    void binaryOfTheWrongLengthIsRejectedWithBothExpectedSizes() {
        Item.Rejected r = thenRejected(whenSensorSends(new byte[] {1, 2, 3, 4, 5}));

        assertThat(r.reason()).isEqualTo("binary payload of 5 bytes: the model takes 4 values, so expected "
                + "16 bytes (float32 little-endian) or 4 bytes (uint8)");
        assertThat(r.payloadBytes()).isEqualTo(5);
    }

    @Test
    void nonUtf8GarbageIsRejected() {
        Item.Rejected r = thenRejected(whenSensorSends(new byte[] {'{', (byte) 0xff, (byte) 0xfe}));

        assertThat(r.reason()).isEqualTo("payload is not UTF-8 text, so not JSON");
    }

    @Test
    void unknownTopicIsRejected() {
        Item.Rejected r = thenRejected(decoder.decode("leantta/gw-1/other/cam1", bytes("{}")));

        assertThat(r.reason()).startsWith("not a sensors or commands topic: expected");
        assertThat(r.topic()).isEqualTo("leantta/gw-1/other/cam1");
        assertThat(thenRejected(decoder.decode("leantta/gw-2/sensors/cam1", bytes("{\"data\":[1,2,3,4]}")))
                .reason()).startsWith("not a sensors or commands topic: expected");
    }

    @Test
    void aSampleOnATopicTheMqttClientCouldNotReadIsRejectedWithItsIdAndTheReason() {
        String topic = "leantta/gw-1/sensors/cam" + TopicGuard.MARK;

        Item.Rejected r = thenRejected(decoder.decode(topic, bytes("{\"id\":\"m-7\",\"data\":[1,2,3,4]}")));

        assertThat(r.topic()).isEqualTo(topic);
        assertThat(r.sensor()).isEqualTo("cam" + TopicGuard.MARK);
        assertThat(r.id()).isEqualTo("m-7");
        assertThat(r.reason()).startsWith("the topic has characters the gateway's MQTT client cannot read, shown as "
                + TopicGuard.MARK).contains("emoji");
        assertThat(thenRejected(decoder.decode(topic, new byte[] {1, 2})).reason()).isEqualTo(r.reason());
    }

    @Test
    void aCommandOnATopicTheMqttClientCouldNotReadIsRejectedNotRun() {
        Item.Rejected r = thenRejected(decoder.decode("leantta/gw-1/commands/reset" + TopicGuard.MARK,
                bytes("{\"requestId\":\"r-1\"}")));

        assertThat(r.sensor()).isNull();
        assertThat(r.reason()).startsWith("the topic has characters the gateway's MQTT client cannot read");
    }

    @Test
    void namesBeyondAsciiThatTheMqttClientReadsAreSensors() {
        Item item = decoder.decode("leantta/gw-1/sensors/Kamera-ü温\uFDCF", bytes("{\"data\":[1,2,3,4]}"));

        assertThat(thenSample(item).sensor()).isEqualTo("Kamera-ü温\uFDCF");
    }

    @Test
    void aFailingModelSizeLookupBecomesARejection() {
        decoder = new Decoder(new Topics("leantta", "gw-1"), MAX_BYTES, () -> {
            throw new IllegalStateException("the LeanTTA model is deactivated");
        });

        Item.Rejected r = thenRejected(whenSensorSends(new byte[] {1, 2, 3, 4}));

        assertThat(r.reason()).startsWith("could not decode: ").contains("the LeanTTA model is deactivated");
    }

    // --- commands -----------------------------------------------------------------------------------------------

    @Test
    void commandWithEmptyBody() {
        Item.Command c = thenCommand(whenCommandSent("status", ""));

        assertThat(c.command()).isEqualTo("status");
        assertThat(c.requestId()).isNull();
        assertThat(c.body()).isEmpty();
        assertThat(c.bodyError()).isNull();
        assertThat(thenCommand(whenCommandSent("status", " \n ")).body()).isEmpty();
    }

    @Test
    void commandWithJsonBody() {
        Item.Command c = thenCommand(whenCommandSent("reset", "{\"requestId\":\"r-1\",\"why\":\"drift\"}"));

        assertThat(c.command()).isEqualTo("reset");
        assertThat(c.requestId()).isEqualTo("r-1");
        assertThat(c.body()).containsEntry("why", "drift");
        assertThat(c.bodyError()).isNull();
    }

    @Test
    void commandWithNumericRequestId() {
        assertThat(thenCommand(whenCommandSent("status", "{\"requestId\":7}")).requestId()).isEqualTo("7");
    }

    @Test
    void commandWithMalformedBodyCarriesTheParseError() {
        Item.Command c = thenCommand(whenCommandSent("status", "{\"requestId\":"));

        assertThat(c.requestId()).isNull();
        assertThat(c.bodyError()).startsWith("malformed JSON at offset");
        assertThat(thenCommand(whenCommandSent("status", "[1]")).bodyError())
                .isEqualTo("expected a JSON object, got array");
        assertThat(thenCommand(whenCommandSent("status", new byte[] {(byte) 0xff})).bodyError())
                .isEqualTo("payload is not UTF-8 text, so not JSON");
    }

    @Test
    void commandBodyThatHappensToHaveAnErrorFieldIsNotMalformed() {
        Item.Command c = thenCommand(whenCommandSent("status", "{\"error\":\"from the operator\"}"));

        assertThat(c.bodyError()).isNull();
        assertThat(c.body()).containsEntry("error", "from the operator");
    }

    @Test
    void anOversizedCommandIsACommandWithABodyError() {
        Item.Command c = thenCommand(whenCommandSent("status", new byte[MAX_BYTES + 1]));

        assertThat(c.bodyError()).isEqualTo("command payload of 257 bytes exceeds max.payload.bytes 256");
        assertThat(c.requestId()).isNull();
    }

    @Test
    void aRequestIdThatIsNotAStringOrANumberIsABodyErrorNotEchoed() {
        Item.Command c = thenCommand(whenCommandSent("status", "{\"requestId\":{\"a\":1}}"));

        assertThat(c.requestId()).isNull();
        assertThat(c.bodyError()).isEqualTo("\"requestId\" is a JSON object, expected a string of 1-128 letters, "
                + "digits or ._:-");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Item whenSensorSends(String json) {
        return whenSensorSends(bytes(json));
    }

    private Item whenSensorSends(byte[] payload) {
        return decoder.decode(SENSOR_TOPIC, payload);
    }

    private Item whenCommandSent(String command, String body) {
        return whenCommandSent(command, bytes(body));
    }

    private Item whenCommandSent(String command, byte[] body) {
        return decoder.decode("leantta/gw-1/commands/" + command, body);
    }

    private static Item.Sample thenSample(Item item) {
        assertThat(item).isInstanceOf(Item.Sample.class);
        return (Item.Sample) item;
    }

    private static Item.Rejected thenRejected(Item item) {
        assertThat(item).isInstanceOf(Item.Rejected.class);
        return (Item.Rejected) item;
    }

    private static Item.Command thenCommand(Item item) {
        assertThat(item).isInstanceOf(Item.Command.class);
        return (Item.Command) item;
    }

    static byte[] float32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

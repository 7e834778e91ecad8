package org.leantta.kura.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.type.TypedValue;
import org.eclipse.kura.type.TypedValues;
import org.eclipse.kura.wire.WireRecord;
import org.junit.jupiter.api.Test;
import org.leantta.kura.Configs;
import org.leantta.kura.fakes.wire.FakeWireGraph;
import org.leantta.kura.fakes.wire.RecordingReceiver;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/**
 * The Wire component between an upstream emitter and a recording receiver of a test-double wire graph, on a
 * four-value, three-class stand-in model that predicts class (int) values[0].
 */
class LeanTtaWireComponentTest {
    private static final String PID = "leantta-wire";
    private static final String ASSET = "asset-1";

    private final FakeWireGraph graph = new FakeWireGraph();
    private final RecordingReceiver downstream = new RecordingReceiver();
    private final RecordingModel model = new RecordingModel();
    private LeanTtaWireComponent component;

    @Test
    void aByteArrayOfUint8ValuesIsClassifiedWithTheInputsTimeAndAssetName() {
        givenComponent(Map.of());

        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(new byte[] {2, 0, 0, 9}),
                "image_timestamp", TypedValues.newLongValue(1234L), "assetName", TypedValues.newStringValue("cam"))));

        Map<String, TypedValue<?>> out = onlyRecordOut();
        assertThat(out.get("class").getValue()).isEqualTo(2);
        assertThat(out.get("label").getValue()).isEqualTo("bird");
        assertThat(out.get("confidence").getValue()).isEqualTo(0.75f);
        assertThat(out.get("shift").getValue()).isEqualTo(0.125f);
        assertThat(out.get("outOfDistribution").getValue()).isEqualTo(false);
        assertThat(out.get("adapted").getValue()).isEqualTo(true);
        assertThat(out.get("latencyMicros").getValue()).isEqualTo(250L);
        assertThat(out.get("timestamp").getValue()).isEqualTo(1234L);
        assertThat(out.get("assetName").getValue()).isEqualTo("cam");
        assertThat(model.calls()).containsExactly("predict " + ASSET + " UINT8 [2.0, 0.0, 0.0, 9.0]");
    }

    @Test
    void float32LittleEndianBytesAreReadBySize() {
        givenComponent(Map.of());

        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(float32(1f, 0.5f, 0f, 0f)))));

        assertThat(onlyRecordOut().get("class").getValue()).isEqualTo(1);
        assertThat(model.calls()).containsExactly("predict " + ASSET + " FLOAT32 [1.0, 0.5, 0.0, 0.0]");
    }

    @Test
    void numericChannelsAreTheSampleInTheConfiguredOrder() {
        givenComponent(Map.of("input.properties", "c, a, b, d"));

        whenAssetSends(record(Map.of("a", TypedValues.newIntegerValue(7), "b", TypedValues.newDoubleValue(0.25),
                "c", TypedValues.newFloatValue(1f), "d", TypedValues.newLongValue(3L),
                "assetTimestamp", TypedValues.newLongValue(99L))));

        assertThat(onlyRecordOut().get("timestamp").getValue()).isEqualTo(99L);
        assertThat(model.calls()).containsExactly("predict " + ASSET + " FLOAT32 [1.0, 7.0, 0.25, 3.0]");
    }

    @Test
    void badRecordsAreAnsweredWithErrorRecordsInOrderAndCounted() {
        givenComponent(Map.of());

        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(new byte[] {1, 0, 0, 0}))),
                record(Map.of("other", TypedValues.newStringValue("x"))),
                record(Map.of("image", TypedValues.newByteArrayValue(new byte[5]))),
                record(Map.of("image", TypedValues.newStringValue("not bytes"))));

        List<WireRecord> out = downstream.records();
        assertThat(out).hasSize(4);
        assertThat(out.get(0).getProperties().get("class").getValue()).isEqualTo(1);
        assertThat(error(out.get(1))).startsWith("the record has no property 'image' (it has [other])");
        assertThat(error(out.get(2))).isEqualTo("property 'image' (BYTE_ARRAY) of 5 bytes: the model takes 4 values, "
                + "so expected 16 bytes (float32 little-endian) or 4 bytes (uint8)");
        assertThat(error(out.get(3))).startsWith("property 'image' is a STRING");
        assertThat(out.get(1).getProperties()).doesNotContainKey("class");
        assertThat(downstream.envelopes()).as("one envelope out per envelope in").hasSize(1);
        assertThat(wireStatus()).containsEntry("received", 4L).containsEntry("predicted", 1L)
                .containsEntry("errors", 3L);
    }

    @Test
    void aModelFailureIsAnErrorRecordNotAnException() {
        givenComponent(Map.of());
        model.failure = new IllegalStateException("ONNX Runtime: broken");

        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(new byte[4]))));

        assertThat(error(downstream.records().get(0))).isEqualTo("ONNX Runtime: broken");
    }

    @Test
    void anUnusableConfigurationStartsDegradedAndAnswersEveryRecordWithWhy() {
        givenComponent(Map.of("input.properties", " , "));

        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(new byte[4]))));

        assertThat(error(downstream.records().get(0))).startsWith("configuration refused: input.properties is empty");
        assertThat(wireStatus()).containsKey("refusedConfiguration").containsEntry("errors", 1L);

        component.modified(Configs.of(LeanTtaWireComponentConfig.class, Map.of()));
        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(new byte[4]))));

        assertThat(downstream.records().get(1).getProperties()).containsKey("class");
    }

    @Test
    void eachEmitterIsItsOwnStream() {
        givenComponent(Map.of());
        graph.connect("asset-2", component);

        graph.send("asset-2", List.of(record(Map.of("image", TypedValues.newByteArrayValue(new byte[4])))));
        whenAssetSends(record(Map.of("image", TypedValues.newByteArrayValue(new byte[4]))));

        assertThat(model.calls()).extracting(c -> c.split(" ")[1]).containsExactly("asset-2", ASSET);
    }

    private void givenComponent(Map<String, Object> config) {
        component = new LeanTtaWireComponent(graph, model, Configs.of(LeanTtaWireComponentConfig.class, config),
                context(), Map.of("kura.service.pid", PID));
        graph.connect(ASSET, component);
        graph.connect(PID, downstream);
    }

    private void whenAssetSends(WireRecord... records) {
        graph.send(ASSET, List.of(records));
    }

    private Map<String, TypedValue<?>> onlyRecordOut() {
        assertThat(downstream.records()).hasSize(1);
        return downstream.records().get(0).getProperties();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> wireStatus() {
        return (Map<String, Object>) component.status().get("wire");
    }

    private static String error(WireRecord r) {
        return (String) r.getProperties().get("error").getValue();
    }

    private static WireRecord record(Map<String, TypedValue<?>> properties) {
        return new WireRecord(new LinkedHashMap<>(properties));
    }

    private static byte[] float32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** The component's context as SCR gives it: only its service reference (with its kura.service.pid) is read. */
    private static ComponentContext context() {
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class},
                (p, m, a) -> m.getName().equals("getProperty") && "kura.service.pid".equals(a[0]) ? PID : null);
        return (ComponentContext) Proxy.newProxyInstance(ComponentContext.class.getClassLoader(),
                new Class<?>[] {ComponentContext.class},
                (p, m, a) -> m.getName().equals("getServiceReference") ? ref : null);
    }
}

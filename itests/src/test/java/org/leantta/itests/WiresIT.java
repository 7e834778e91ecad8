package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.ai.inference.InferenceEngineService;
import org.eclipse.kura.type.TypedValue;
import org.eclipse.kura.type.TypedValues;
import org.eclipse.kura.wire.WireHelperService;
import org.eclipse.kura.wire.WireReceiver;
import org.eclipse.kura.wire.WireRecord;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.leantta.api.Encoding;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.kura.fakes.wire.FakeWireGraph;
import org.leantta.kura.fakes.wire.RecordingReceiver;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Two LeanTTA models side by side (factory instances, as Kura creates them) and a LeanTTA Wire component on each,
 * in Equinox, driven through a test double of Kura's wire graph (bundle org.leantta.kura.fakes): Kura's own wire
 * graph cannot run off a gateway. Also the inference engine. (The model configured
 * under its old singleton pid, with no factory instance, is what CloudFrontIT and the other tests run.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WiresIT extends GatewayItBase {
    static final String MODEL = "org.leantta.kura.model.LeanTtaModel";
    static final String WIRE = "org.leantta.kura.wire.LeanTtaWireComponent";
    static final String ENGINE = "org.leantta.kura.ai.LeanTtaInferenceEngine";
    static final String ASSET = "asset-1";
    private static final long TIMEOUT_MS = 30_000;

    private static FakeWireGraph graph;
    private static final RecordingReceiver DOWNSTREAM_A = new RecordingReceiver();
    private static final RecordingReceiver DOWNSTREAM_B = new RecordingReceiver();

    @Before
    public void givenTwoModelsEachWithAWireComponentInTheGraph() throws Exception {
        if (graph != null) {
            return;
        }
        graph = new FakeWireGraph();
        context.registerService(WireHelperService.class, graph, null);
        String fp32 = Path.of(OsgiRuntime.required("leantta.home"), Shipped.MODEL).toString();
        instance(MODEL, "model-a", Map.of("adaptation.mode", "stateless"));
        instance(MODEL, "model-b", Map.of("adaptation.mode", "stateless", "model.path", fp32));
        instance(WIRE, "wire-a", Map.of("Predictor.target", "(kura.service.pid=model-a)"));
        instance(WIRE, "wire-b", Map.of("Predictor.target", "(kura.service.pid=model-b)"));
        graph.connect(ASSET, await(WireReceiver.class, "wire-a"));
        graph.connect(ASSET, await(WireReceiver.class, "wire-b"));
        graph.connect("wire-a", DOWNSTREAM_A);
        graph.connect("wire-b", DOWNSTREAM_B);
    }

    @Test
    public void eachWireComponentAnswersWithItsOwnModel() throws Exception {
        Predictor a = await(Predictor.class, "model-a");
        Predictor b = await(Predictor.class, "model-b");
        assertNotEquals("two different models", a.model().sha256(), b.model().sha256());
        ImageSet images = Shipped.validationSet();
        int before = DOWNSTREAM_A.records().size();

        List<WireRecord> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(record(pixels(images, i)));
        }
        graph.send(ASSET, sent);

        List<WireRecord> outA = DOWNSTREAM_A.records().subList(before, before + 8);
        List<WireRecord> outB = DOWNSTREAM_B.records().subList(before, before + 8);
        int differ = 0;
        for (int i = 0; i < 8; i++) {
            float[] x = uint8(pixels(images, i));
            assertSame(a.predict("check", x, Encoding.UINT8), outA.get(i).getProperties());
            assertSame(b.predict("check", x, Encoding.UINT8), outB.get(i).getProperties());
            if (!value(outA.get(i), "confidence").equals(value(outB.get(i), "confidence"))) {
                differ++;
            }
        }
        assertTrue("the two models gave the same confidences", differ > 0);
    }

    @Test
    public void aBadRecordIsAnErrorRecordAndTheCountersAddUp() throws Exception {
        int before = DOWNSTREAM_A.records().size();

        graph.send(ASSET, List.of(record(new byte[3]), record(new byte[28 * 28])));

        List<WireRecord> out = DOWNSTREAM_A.records().subList(before, before + 2);
        assertTrue(String.valueOf(value(out.get(0), "error")).contains("of 3 bytes: the model takes 784 values"));
        assertNotNull(value(out.get(1), "class"));
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) await(org.leantta.api.FrontStatus.class, "wire-a")
                .status().get("wire");
        assertEquals((Long) status.get("received"), (Long) ((Long) status.get("predicted") + (Long) status.get("errors")));
        assertTrue((Long) status.get("errors") >= 1);
    }

    @Test
    public void theInferenceEngineServesTheBuiltInModel() throws Exception {
        Configuration c = configurationAdmin.getConfiguration(ENGINE, "?");
        if (c.getProperties() == null) {
            c.update(new Hashtable<>(Map.of("adaptation.mode", "stateless")));
        }
        ServiceTracker<InferenceEngineService, InferenceEngineService> t = new ServiceTracker<>(context,
                InferenceEngineService.class, null);
        t.open();
        try {
            InferenceEngineService engine = t.waitForService(TIMEOUT_MS);
            assertNotNull("no InferenceEngineService", engine);
            assertTrue(engine.isEngineReady());
            assertTrue(engine.isModelLoaded("fmnist-resnet8-int8"));
            assertFalse(engine.getModelInfo("fmnist-resnet8-int8").orElseThrow().getInputs().isEmpty());
        } finally {
            t.close();
        }
    }

    private void instance(String factoryPid, String name, Map<String, Object> props) throws Exception {
        Configuration c = configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        Dictionary<String, Object> d = new Hashtable<>(props);
        d.put("kura.service.pid", name);
        c.update(d);
    }

    /** The service of that type with that kura.service.pid. */
    private <T> T await(Class<T> type, String kuraPid) throws Exception {
        String filter = "(&(objectClass=" + type.getName() + ")(kura.service.pid=" + kuraPid + "))";
        ServiceTracker<T, T> t = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        t.open();
        T service = t.waitForService(TIMEOUT_MS);
        assertNotNull("no service " + filter, service);
        return service;
    }

    private static void assertSame(Prediction expected, Map<String, TypedValue<?>> got) {
        assertEquals(expected.classIndex(), got.get("class").getValue());
        assertEquals(expected.label(), got.get("label").getValue());
        assertEquals(expected.confidence(), got.get("confidence").getValue());
        assertEquals(expected.shift(), got.get("shift").getValue());
    }

    private static Object value(WireRecord r, String name) {
        TypedValue<?> v = r.getProperties().get(name);
        return v == null ? null : v.getValue();
    }

    private static WireRecord record(byte[] image) {
        Map<String, TypedValue<?>> m = new LinkedHashMap<>();
        m.put("image", TypedValues.newByteArrayValue(image));
        m.put("assetName", TypedValues.newStringValue(ASSET));
        return new WireRecord(m);
    }

    private static byte[] pixels(ImageSet images, int i) {
        float[] x = images.image(i);
        byte[] b = new byte[x.length];
        for (int k = 0; k < x.length; k++) {
            b[k] = (byte) Math.round(x[k] * 255f);
        }
        return b;
    }

    private static float[] uint8(byte[] b) {
        float[] x = new float[b.length];
        for (int k = 0; k < b.length; k++) {
            x[k] = b[k] & 0xff;
        }
        return x;
    }
}

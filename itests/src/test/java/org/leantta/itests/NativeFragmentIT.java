package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * org.leantta.kura as a gateway resolves it: its platform's native fragment attached, its packages wired only to
 * what Kura provides (its API, OSGi, slf4j, the JDK) and to org.leantta.api, and ONNX Runtime and Paho loaded from
 * its own embedded copies, even though this framework also has a Paho bundle (for the test code).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeFragmentIT extends GatewayItBase {

    private Bundle kura() {
        for (Bundle b : context.getBundles()) {
            if (OsgiRuntime.KURA_BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + OsgiRuntime.KURA_BSN);
    }

    @Test
    public void thePlatformsNativeFragmentIsAttached() {
        Bundle kura = kura();
        assertEquals(Bundle.ACTIVE, kura.getState());
        List<String> fragments = new ArrayList<>();
        for (BundleWire w : kura.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            fragments.add(w.getRequirer().getSymbolicName());
        }
        assertEquals(List.of(OsgiRuntime.KURA_BSN + ".native.linux." + OsgiRuntime.platform()), fragments);
        // what ONNX Runtime reads through OnnxRuntime.class.getResourceAsStream, seen by the host's class loader
        String dir = OsgiRuntime.platform().equals("x86_64") ? "linux-x64" : "linux-aarch64";
        assertNotNull(kura.getResource("/ai/onnxruntime/native/" + dir + "/libonnxruntime.so"));
        assertNotNull(kura.getResource("/ai/onnxruntime/native/" + dir + "/libonnxruntime4j_jni.so"));
    }

    @Test
    public void packagesAreWiredOnlyToKuraOsgiSlf4jTheJdkAndTheApi() {
        List<String> wrong = new ArrayList<>();
        for (BundleWire w : kura().adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String pkg = (String) w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            String provider = w.getProvider().getSymbolicName();
            boolean allowed = pkg.startsWith("org.eclipse.kura") || pkg.startsWith("org.osgi.")
                    || pkg.startsWith("org.slf4j") || pkg.equals("org.leantta.api") || pkg.startsWith("java.")
                    || pkg.startsWith("javax.") || pkg.equals("sun.misc");
            if (!allowed || provider.startsWith("org.eclipse.paho") || provider.equals("org.leantta.core")) {
                wrong.add(pkg + " from " + provider);
            }
        }
        assertTrue("package wires of " + OsgiRuntime.KURA_BSN + ": " + wrong, wrong.isEmpty());
    }

    @Test
    public void onnxRuntimeAndPahoComeFromTheBundlesOwnCopies() throws Exception {
        Bundle kura = kura();
        for (String cls : List.of("ai.onnxruntime.OrtEnvironment", "ai.onnx.proto.OnnxMl",
                "com.google.protobuf.Message", "org.eclipse.paho.client.mqttv3.MqttAsyncClient",
                "org.leantta.core.LeanTta", "org.leantta.onnx.LeanTtaSession")) {
            assertEquals(cls, kura, FrameworkUtil.getBundle(kura.loadClass(cls)));
        }
        // the native library loads from the fragment (the model component runs on it too: GatewayIT)
        Class<?> env = kura.loadClass("ai.onnxruntime.OrtEnvironment");
        assertNotNull(env.getMethod("getEnvironment").invoke(null));
    }
}

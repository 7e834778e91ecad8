package org.leantta.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * The bundles of a gateway as Kura runs them: Equinox, SCR, ConfigAdmin, MetaType, and what a deployment package
 * brings (org.leantta.api, org.leantta.kura with everything it runs on embedded, and the native fragment of this
 * platform), plus the stand-in for the Kura API that Kura itself would provide.
 */
final class OsgiRuntime {
    /** The Bundle-SymbolicName of the deployed components bundle, the host of the native fragments. */
    static final String KURA_BSN = "org.leantta.kura";

    private OsgiRuntime() {
    }

    static Option[] gateway() {
        return options(
                systemProperty("leantta.home").value(required("leantta.home")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                mavenBundle("org.osgi", "org.osgi.util.function", required("version.osgi.function")),
                mavenBundle("org.osgi", "org.osgi.util.promise", required("version.osgi.promise")),
                // SCR 2.1.16, as on Kura 5.4-5.6: a DS 1.4 runtime that exports the DS API itself
                mavenBundle("org.apache.felix", "org.apache.felix.scr", required("version.scr")),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", required("version.configadmin")),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype", required("version.metatype")),
                // the jars this build just made, by file: a mvn: URL could pick an older installed one
                built("leantta.bundle.api"),
                built("leantta.bundle.kuraapi"),
                // a fragment is never started; installed before its host so that it attaches when the host resolves
                built("leantta.bundle.native." + platform()).noStart(),
                built("leantta.bundle.kura"),
                // For the test code only, which runs inside the framework (Pax Exam's probe): it uses the
                // tooling's data and shift helpers, core's JSON and an MQTT client. The LeanTTA bundles import
                // none of them (they embed their own copies, as they must on Kura); NativeFragmentIT checks that
                // org.leantta.kura wires to nothing but Kura's API, OSGi, slf4j, the JDK and org.leantta.api.
                built("leantta.bundle.core"),
                built("leantta.bundle.tooling"),
                // test doubles of Kura's cloud services (CloudFrontIT registers them; never deployed)
                built("leantta.bundle.fakes"),
                mavenBundle("org.eclipse.paho", "org.eclipse.paho.client.mqttv3", required("version.paho")),
                junitBundles());
    }

    /** This JVM's platform as the native fragments name it: x86_64 or aarch64 (the only two there are). */
    static String platform() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> throw new IllegalStateException("no native fragment for os.arch " + arch
                    + ": ONNX Runtime ships Linux libraries for x86-64 and aarch64 only");
        };
    }

    private static UrlProvisionOption built(String property) {
        return bundle(new File(required(property)).toURI().toString());
    }

    static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with Maven");
        }
        return v;
    }
}

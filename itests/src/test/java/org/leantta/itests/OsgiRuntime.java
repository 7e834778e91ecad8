package org.leantta.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import org.ops4j.pax.exam.Option;

/** The bundles of a gateway as Kura runs them: Equinox, SCR, ConfigAdmin, MetaType, Paho and the built bundles. */
final class OsgiRuntime {
    private OsgiRuntime() {
    }

    static Option[] gateway() {
        return options(
                systemProperty("leantta.home").value(required("leantta.home")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                mavenBundle("org.osgi", "org.osgi.util.function", required("version.osgi.function")),
                mavenBundle("org.osgi", "org.osgi.util.promise", required("version.osgi.promise")),
                mavenBundle("org.osgi", "org.osgi.service.component", required("version.osgi.component")),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", required("version.scr")),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", required("version.configadmin")),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype", required("version.metatype")),
                mavenBundle("org.eclipse.paho", "org.eclipse.paho.client.mqttv3", required("version.paho")),
                // the jars this build just made, by file: a mvn: URL could pick an older installed one
                built("leantta.bundle.api"),
                built("leantta.bundle.core"),
                built("leantta.bundle.onnx"),
                built("leantta.bundle.kuraapi"),
                built("leantta.bundle.kura"),
                junitBundles());
    }

    private static Option built(String property) {
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

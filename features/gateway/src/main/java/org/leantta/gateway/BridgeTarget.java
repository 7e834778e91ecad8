package org.leantta.gateway;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Where the MQTT bridge is configured to serve: its configuration in ConfigurationAdmin over its MetaType
 * defaults. {@code base} is the topic root, e.g. {@code leantta/gateway-1/}.
 */
record BridgeTarget(boolean enabled, String url, String base, String username, String password, boolean tls,
        String truststore, String truststorePassword) {
    static final String PID = "org.leantta.kura.mqtt.MqttBridge";
    static final String BUNDLE = "org.leantta.kura";

    static BridgeTarget read(BundleContext ctx, ConfigurationAdmin cm) throws IOException {
        Map<String, String> defaults = MetatypeDefaults.of(ctx, BUNDLE, PID);
        Dictionary<String, Object> props = null;
        try {
            Configuration[] found = cm.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + ")");
            props = found == null ? null : found[0].getProperties();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Dictionary<String, Object> p = props;
        java.util.function.Function<String, String> get = k -> {
            Object v = p == null ? null : p.get(k);
            return v != null ? String.valueOf(v).strip() : defaults.getOrDefault(k, "");
        };
        return new BridgeTarget(!"false".equalsIgnoreCase(get.apply("enabled")), get.apply("broker.url"),
                get.apply("topic.prefix") + "/" + get.apply("device.id") + "/", get.apply("username"),
                get.apply("password"), "true".equalsIgnoreCase(get.apply("tls.enabled")),
                get.apply("tls.truststore.path"), get.apply("tls.truststore.password"));
    }

    /** For messages: the broker and the topics, never the credentials. */
    String where() {
        return url + ", topics " + base + "#";
    }

    @Override
    public String toString() {
        return where();
    }
}

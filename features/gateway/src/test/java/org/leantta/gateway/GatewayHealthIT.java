package org.leantta.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's own account of its components, from SCR and MetaType: a snapshot without the model's
 * configuration leaves the model unconfigured and the bridge waiting for it; once configured, the bridge is active
 * and looks for its broker at the MetaType default URL, the snapshot giving none.
 */
class GatewayHealthIT {
    static final Path SHIPPED = Path.of("../../kura-config/leantta-snapshot.xml");
    static final String MODEL_PID = "org.leantta.kura.model.LeanTtaModel";
    static final String BRIDGE_PID = "org.leantta.kura.mqtt.MqttBridge";

    @Test
    void componentsWaitingForConfigurationOrServicesAreNamed(@TempDir Path storage) throws Exception {
        Map<String, Map<String, Object>> shipped = KuraSnapshot.read(SHIPPED).configurations();
        Map<String, Object> bridge = new LinkedHashMap<>(shipped.get(BRIDGE_PID));
        bridge.remove("broker.url");
        bridge.put("device.id", "health-it");
        GatewayOptions options = GatewayOptions.builder().storageDir(storage).override(BRIDGE_PID, bridge).build();
        try (Gateway gateway = new Gateway(options).start()) {
            Health unconfigured = awaitHealth(gateway, h -> h.problems().size() == 2);
            assertThat(unconfigured.problems().get(0).headline())
                    .isEqualTo("LeanTTA model: no configuration: give one in the snapshot or the web console");
            assertThat(unconfigured.problems().get(1).headline())
                    .startsWith("MQTT bridge: waiting for the services it needs: ")
                    .contains("Predictor (kura.service.pid=leantta-model)").doesNotContain("crypto");

            // the snapshot's model is an instance of the factory, named leantta-model, as Kura creates it
            Map<String, Object> model = new LinkedHashMap<>(shipped.get("leantta-model"));
            model.remove("service.factoryPid");
            model.put("kura.service.pid", "leantta-model");
            gateway.configurationAdmin().getFactoryConfiguration(MODEL_PID, "leantta-model", "?")
                    .update(new Hashtable<>(model));
            Health configured = awaitHealth(gateway, h -> h.problems().size() == 1
                    && h.problems().get(0).pid().equals(BRIDGE_PID) && !h.problems().get(0).text().startsWith("waiting"));
            assertThat(configured.problems()).singleElement().satisfies(p -> {
                assertThat(p.component()).isEqualTo("MQTT bridge");
                assertThat(p.text()).contains("tcp://localhost:1883");
            });
            assertThat(configured.serving()).isEqualTo("MQTT tcp://localhost:1883, topics leantta/health-it/#");
        }
    }

    /** Asks the gateway until its health matches (up to 60 s); the last answer otherwise, for the failure. */
    private static Health awaitHealth(Gateway gateway, Predicate<Health> wanted) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Health h = gateway.health();
        while (!wanted.test(h) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            h = gateway.health();
        }
        assertThat(h).as("health").matches(wanted, "the expected state within 60 s");
        return h;
    }
}

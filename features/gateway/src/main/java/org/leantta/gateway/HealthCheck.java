package org.leantta.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leantta.gateway.Health.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Whether the gateway serves: the LeanTTA model and the MQTT bridge components are active (SCR's DTOs), the model
 * is ready (its {@code AdaptationControl.status()}), and the bridge answers a status command on its broker.
 */
final class HealthCheck implements AutoCloseable {
    static final String MODEL_PID = "org.leantta.kura.model.LeanTtaModel";
    static final String MODEL = "LeanTTA model";
    static final String BRIDGE = "MQTT bridge";

    /** The bridge's package: its components log under it. */
    static final String BRIDGE_LOGGER = "org.leantta.kura.mqtt";

    private final BundleContext ctx;
    private final ConfigurationAdmin cm;
    private final ComponentLog bridgeLog;
    private final Duration probeTimeout;
    private final BridgeProbe probe = new BridgeProbe();

    HealthCheck(BundleContext ctx, ConfigurationAdmin cm, ComponentLog bridgeLog, Duration probeTimeout) {
        this.ctx = ctx;
        this.cm = cm;
        this.bridgeLog = bridgeLog;
        this.probeTimeout = probeTimeout;
    }

    Health check() throws Exception {
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> states = ComponentStates.of(ctx, List.of(MODEL_PID, BridgeTarget.PID));
        String modelState = states.get(MODEL_PID);
        String modelPid = ConfigurationPids.of(cm, MODEL_PID);
        if (modelState != null) {
            problems.add(new Problem(MODEL, modelPid, modelState, null, false));
        } else {
            model(modelPid, problems, notes);
        }
        String bridgeState = states.get(BridgeTarget.PID);
        BridgeTarget target = BridgeTarget.read(ctx, cm);
        if (bridgeState != null) {
            problems.add(new Problem(BRIDGE, BridgeTarget.PID, bridgeState, null, false));
        } else if (!target.enabled()) {
            problems.add(new Problem(BRIDGE, BridgeTarget.PID,
                    "disabled (enabled = false): nothing receives samples", null, true));
        } else {
            bridge(target, problems, notes);
        }
        return new Health(problems, notes, "MQTT " + target.where());
    }

    private void model(String modelPid, List<Problem> problems, List<String> notes) {
        ModelStatus s = ModelStatus.read(ctx);
        if (s == null) {
            problems.add(new Problem(MODEL, modelPid, "its service is not registered yet", null, false));
        } else if (!s.ready()) {
            // not ready without a refused configuration: still loading
            problems.add(new Problem(MODEL, modelPid, s.refusedConfiguration() == null ? "loading the model"
                    : "configuration refused: " + s.refusedConfiguration(), null, s.refusedConfiguration() != null));
        } else if (s.refusedConfiguration() != null) {
            notes.add(MODEL + ": configuration refused, the previous one stays in force: " + s.refusedConfiguration());
        }
    }

    private void bridge(BridgeTarget target, List<Problem> problems, List<String> notes) throws InterruptedException {
        BridgeProbe.Answer a = probe.ask(target, probeTimeout);
        if (a.answered()) {
            bridgeLog.clear();
            Object refused = a.reply().get("bridge") instanceof Map<?, ?> b ? b.get("refusedConfiguration") : null;
            if (refused != null) {
                notes.add(BRIDGE + ": configuration refused, the previous one stays in force: " + refused);
            }
            return;
        }
        // what the bridge logged since it last answered says why (a refused configuration, a refused connection)
        String logged = bridgeLog.last();
        problems.add(new Problem(BRIDGE, BridgeTarget.PID, a.failure(), logged, logged != null));
    }

    /** The bridge's status reply, or null. */
    Map<String, Object> bridgeStatus() throws Exception {
        BridgeTarget target = BridgeTarget.read(ctx, cm);
        return target.enabled() ? probe.ask(target, probeTimeout).reply() : null;
    }

    @Override
    public void close() {
        probe.shutdown();
    }
}

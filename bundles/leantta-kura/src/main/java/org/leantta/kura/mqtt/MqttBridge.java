package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.leantta.api.AdaptationControl;
import org.leantta.api.AdaptationEvent;
import org.leantta.api.AdaptationListener;
import org.leantta.api.FrontStatus;
import org.leantta.api.Predictor;
import org.leantta.kura.ModelControl;
import org.leantta.kura.model.PropertyChanges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT front for brokers outside Kura's cloud connection (and for {@code ./leantta run}): sensor samples and
 * commands in, predictions, errors and replies out (topics in {@link Topics}). A configuration update reconnects
 * only when connection settings change; queued messages survive it and are answered on the new topics. A
 * configuration it cannot use never fails the activation: the bridge stays idle, logs why and says so in
 * {@code status}, and connects once a usable configuration arrives. Its state is also a {@link FrontStatus}
 * service, so the other front's {@code status} shows why this one cannot connect. As an
 * {@link AdaptationListener} it publishes the model's events, and its own, on the device's events topic.
 */
@Component(name = MqttBridge.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ConfigurableComponent.class, FrontStatus.class, AdaptationListener.class})
@Designate(ocd = MqttBridgeConfig.class)
public final class MqttBridge implements ConfigurableComponent, FrontStatus, AdaptationListener {
    public static final String PID = "org.leantta.kura.mqtt.MqttBridge";
    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);

    /** The model chosen by the {@code Predictor.target} filter of the configuration. */
    @Reference(name = "Predictor")
    Predictor predictor;
    /** The same model's commands. */
    AdaptationControl control;
    /** Kura's decryption of Password properties; absent off a gateway, where passwords are given in clear. */
    private volatile CryptoService crypto;
    /** The other fronts (the cloud front), whose state {@code status} reports too. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(component.name=" + PID + "))")
    volatile List<FrontStatus> fronts = List.of();

    private Commands commands;
    private Pipeline pipeline;
    /** Answers waiting for the broker: kept across reconnections and reconfigurations. */
    private Backlog backlog;
    private Forwarder forwarder;
    private MqttBridgeConfig config;
    private BridgeSettings settings;
    private Link link;
    private volatile Decoder decoder;
    /** Where drop reports go: the topics in force. */
    private volatile Topics topics = new Topics("leantta", "idle");
    private volatile String refused;
    /** Where events go: the sink of the topics in force, null while the bridge is idle or disabled. */
    private volatile MqttSink events;

    @Activate
    synchronized void activate(MqttBridgeConfig config) {
        control = ModelControl.of(predictor);
        commands = new Commands(control, this::describeAll);
        Stats stats = new Stats();
        // the configured caps come with the first usable configuration
        backlog = new Backlog(10_000, 8 << 20);
        forwarder = new Forwarder(backlog, () -> topics.errors(), stats::publishFailed);
        // nothing arrives before a connection exists, so nothing is answered on these placeholder topics
        pipeline = new Pipeline(predictor, commands, stats, new MqttSink(topics, backlog), 1000, 0);
        apply(config);
        reportModelState();
    }

    /** Kura's CryptoService may come after activation: passwords are then decrypted again. */
    @Reference(name = "crypto", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCrypto(CryptoService service) {
        crypto = service;
        reapply();
    }

    void unbindCrypto(CryptoService service) {
        if (crypto == service) {
            crypto = null;
        }
    }

    private synchronized void reapply() {
        if (config != null) {
            apply(config);
        }
    }

    @Modified
    synchronized void modified(MqttBridgeConfig next) {
        apply(next);
    }

    /** Makes {@code next} current if it can be used; else keeps what runs, logs and records the reason. */
    private void apply(MqttBridgeConfig next) {
        config = next;
        BridgeSettings s;
        try {
            s = BridgeSettings.from(next, Secrets.of(crypto));
        } catch (IllegalArgumentException e) {
            refused = e.getMessage();
            LOG.error("configuration refused ({}); {}", e.getMessage(), settings == null
                    ? "the bridge stays idle until a usable configuration arrives" : "the previous one stays in force");
            bridgeEvent(AdaptationEvent.REFUSED, "MQTT bridge configuration refused: " + e.getMessage()
                    + "; the previous one stays in force");
            return;
        }
        refused = null;
        commands.guard(s.guard());
        if (!next.enabled()) {
            stop();
            events = null;
            settings = s;
            LOG.info("MQTT bridge disabled by configuration");
            return;
        }
        decoder = new Decoder(s.topics(), s.maxPayloadBytes(), s.payloadFormat(),
                () -> predictor.model().inputSize());
        topics = s.topics();
        backlog.setCaps(s.backlogSize(), s.backlogBytes());
        MqttSink sink = new MqttSink(s.topics(), backlog);
        if (link != null && settings != null && !settings.needsReconnect(s)) {
            pipeline.reconfigure(sink, s.queueSize(), s.queueTimeoutMs());
            events = sink;
            String changes = changes(settings, s);
            settings = s;
            bridgeEvent(AdaptationEvent.CONFIGURATION, "MQTT bridge: " + changes);
            return;
        }
        Link fresh;
        try {
            fresh = new Link(s, settings, this::inbound);
        } catch (Exception e) {
            refused = "cannot create the MQTT client for " + s.brokerUrl() + ": " + Causes.describe(e);
            LOG.error(refused);
            return;
        }
        // answers and events go to the new topics from here on, published once the new link is attached
        pipeline.reconfigure(sink, s.queueSize(), s.queueTimeoutMs());
        events = sink;
        // the old clients go first: a broker drops the older of two clients with one id
        stop();
        link = fresh;
        String changes = changes(settings, s);
        settings = s;
        bridgeEvent(AdaptationEvent.CONFIGURATION, "MQTT bridge: " + changes);
        forwarder.attach(fresh.outbox());
        fresh.start();
        LOG.info("connecting to {} as {}", s.brokerUrl(), s.clientId());
    }

    private void stop() {
        if (link != null) {
            forwarder.attach(null);
            link.close();
            link = null;
        }
    }

    private static String changes(BridgeSettings before, BridgeSettings after) {
        return before == null ? "connecting to " + after.brokerUrl() + " as " + after.clientId()
                : PropertyChanges.describe(before.describe(), after.describe());
    }

    private void bridgeEvent(String kind, String detail) {
        event(AdaptationEvent.of(kind, PID, null, detail));
    }

    /** Publishes an event on the events topic (held while the broker is away); dropped while the bridge is idle. */
    @Override
    public void event(AdaptationEvent e) {
        MqttSink sink = events;
        if (sink != null) {
            sink.event(e);
        }
    }

    private void inbound(String topic, byte[] payload, Runnable done) {
        pipeline.accept(decoder.decode(topic, payload), done);
    }

    @Override
    public Map<String, Object> status() {
        return describe();
    }

    /** This bridge's state and, under {@code fronts}, the other fronts'. */
    Map<String, Object> describeAll() {
        Map<String, Object> m = describe();
        m.put("fronts", fronts.stream().map(FrontStatus::status).toList());
        return m;
    }

    synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> bridge = new LinkedHashMap<>();
        bridge.put("pid", PID);
        bridge.put("enabled", config != null && config.enabled());
        if (settings != null) {
            bridge.put("configuration", settings.describe());
        }
        Link l = link;
        bridge.put("connected", l != null && l.connected());
        if (l != null && l.lastError() != null) {
            bridge.put("lastError", l.lastError());
        }
        if (refused != null) {
            bridge.put("refusedConfiguration", refused);
        }
        bridge.put("delivery", backlog.describe());
        m.put("bridge", bridge);
        m.putAll(pipeline.describe());
        return m;
    }

    /**
     * A model that could not be loaded at start-up answers every sample with an error report; say so once on the
     * errors topic too, as soon as the broker is reachable (the report waits with the held answers).
     */
    private void reportModelState() {
        try {
            Map<String, Object> status = control.status();
            if (Boolean.FALSE.equals(status.get("ready"))) {
                String reason = "the model is not serving: " + status.get("reason")
                        + "; samples are answered with error reports until a usable configuration is saved";
                pipeline.notice("model " + status.get("pid"), reason);
                // it was refused before this bridge listened: the fleet learns it as an event now
                event(AdaptationEvent.of(AdaptationEvent.REFUSED, String.valueOf(status.get("pid")), null, reason));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the model's state: {}", e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        stop();
        pipeline.close();
        forwarder.close();
    }
}

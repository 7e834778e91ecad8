package org.leantta.kura.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.leantta.api.AdaptationControl;
import org.leantta.api.Predictor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The MQTT side of the gateway: sensor samples and commands in, predictions, errors and replies out
 * (topics in {@link Topics}). A configuration update reconnects only when connection settings change;
 * queued messages survive it and are answered on the new topics.
 */
@Component(name = MqttBridge.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ConfigurableComponent.class)
@Designate(ocd = MqttBridgeConfig.class)
public final class MqttBridge implements ConfigurableComponent {
    public static final String PID = "org.leantta.kura.mqtt.MqttBridge";
    private static final System.Logger LOG = System.getLogger(MqttBridge.class.getName());

    private final Predictor predictor;
    /** Kura's decryption of Password properties; null off a gateway, where passwords are given in clear. */
    private final CryptoService crypto;
    private final Pipeline pipeline;
    private volatile BridgeSettings settings;
    private volatile Connection connection;
    private volatile Decoder decoder;

    /**
     * The CryptoService comes in through the constructor because the constructor already reads the passwords
     * (a field reference would be injected only after it returned).
     */
    @Activate
    public MqttBridge(@Reference Predictor predictor, @Reference AdaptationControl control,
                      @Reference(name = "crypto", cardinality = ReferenceCardinality.OPTIONAL,
                              policyOption = ReferencePolicyOption.GREEDY) CryptoService crypto,
                      MqttBridgeConfig config) throws Exception {
        this.predictor = predictor;
        this.crypto = crypto;
        BridgeSettings s = BridgeSettings.from(config, Secrets.of(crypto));
        Stats stats = new Stats();
        Commands commands = new Commands(control, this::describe);
        this.settings = s;
        this.decoder = decoder(s);
        this.connection = new Connection(s, this::inbound);
        this.pipeline = new Pipeline(predictor, commands, stats, s.topics(), connection, s.queueSize(),
                s.queueTimeoutMs());
        connection.start();
    }

    private Decoder decoder(BridgeSettings s) {
        return new Decoder(s.topics(), s.maxPayloadBytes(), () -> predictor.model().inputSize());
    }

    private void inbound(String topic, byte[] payload) {
        pipeline.accept(decoder.decode(topic, payload));
    }

    @Modified
    synchronized void modified(MqttBridgeConfig config) throws Exception {
        BridgeSettings next;
        try {
            next = BridgeSettings.from(config, Secrets.of(crypto));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "configuration refused, the previous one stays in force: "
                    + e.getMessage());
            throw e;
        }
        Decoder nextDecoder = decoder(next);
        if (settings.needsReconnect(next)) {
            Connection fresh = new Connection(next, this::inbound);
            Connection stale = connection;
            pipeline.reconfigure(next.topics(), fresh, next.queueSize(), next.queueTimeoutMs());
            decoder = nextDecoder;
            connection = fresh;
            settings = next;
            // the old client goes first: a broker drops the older of two clients with one id
            stale.close();
            fresh.start();
            LOG.log(System.Logger.Level.INFO, "reconnecting to {0} as {1}", next.brokerUrl(), next.clientId());
        } else {
            pipeline.reconfigure(next.topics(), connection, next.queueSize(), next.queueTimeoutMs());
            decoder = nextDecoder;
            settings = next;
        }
    }

    private Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> bridge = new LinkedHashMap<>();
        bridge.put("pid", PID);
        bridge.put("configuration", settings.describe());
        Connection c = connection;
        bridge.put("connected", c.connected());
        if (c.lastError() != null) {
            bridge.put("lastError", c.lastError());
        }
        m.put("bridge", bridge);
        m.putAll(pipeline.describe());
        return m;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        connection.close();
        pipeline.close();
    }
}

package org.leantta.kura.mqtt;

import org.leantta.kura.ModelControl;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of {@link MqttBridge}; its defaults are the only defaults. */
@ObjectClassDefinition(id = MqttBridge.PID, name = "LeanTTA MQTT bridge",
        description = "Reads sensor samples and commands from an MQTT broker and publishes adapted predictions, "
                + "rejected inputs and command replies.")
public @interface MqttBridgeConfig {
    @AttributeDefinition(name = "Enabled", description = "Connect to the broker below. Off: this front stays idle "
            + "(use the cloud front to go through Kura's own cloud connection instead, or both).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Broker URL", description = "tcp://host:port, or ssl://host:port with TLS.")
    String broker_url() default "tcp://localhost:1883";

    @AttributeDefinition(name = "Client id", required = false, description = "MQTT client id of the samples "
            + "connection. Empty: leantta-<device id>. Commands and answers use a second connection, "
            + "<client id>-control.")
    String client_id() default "";

    @AttributeDefinition(name = "Username", required = false, description = "Empty: connect anonymously.")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the MQTT user.")
    String password() default "";

    @AttributeDefinition(name = "TLS", description = "Connect with TLS (the broker URL must start with ssl://).")
    boolean tls_enabled() default false;

    @AttributeDefinition(name = "Trust store", required = false, description = "Path of a PKCS12 or JKS trust "
            + "store with the broker's CA. Empty: the Java runtime's default trust store.")
    String tls_truststore_path() default "";

    @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the trust store.")
    String tls_truststore_password() default "";

    @AttributeDefinition(name = "QoS", description = "MQTT quality of service of subscriptions and publications.",
            options = {@Option(label = "0 (at most once)", value = "0"), @Option(label = "1 (at least once)", value = "1"),
                    @Option(label = "2 (exactly once)", value = "2")})
    int qos() default 1;

    @AttributeDefinition(name = "Device id", description = "The {device} level of every topic. Letters, digits, "
            + "'-', '_' and '.'.")
    String device_id() default "gateway-1";

    @AttributeDefinition(name = "Topic prefix", description = "The first level(s) of every topic: "
            + "<prefix>/<device>/sensors/<sensor>, .../predictions/<sensor>, .../errors, .../commands/<command>, "
            + ".../replies/<requestId>.")
    String topic_prefix() default "leantta";

    @AttributeDefinition(name = "Queue size", min = "1", max = "100000", description = "Range 1 to 100,000. Samples waiting for "
            + "inference. A sample is acknowledged to the broker only once answered. When full, the samples "
            + "connection waits up to the enqueue timeout (holding the broker back), then the sample is dropped and "
            + "reported on the errors topic. Commands never wait.")
    int queue_size() default 1000;

    @AttributeDefinition(name = "Enqueue timeout (ms)", min = "0", max = "600000",
            description = "Range 0 to 600,000. How long a sample may wait for room in a full queue.")
    int queue_timeout_ms() default 5000;

    @AttributeDefinition(name = "Largest payload (bytes)", min = "1", max = "67108864",
            description = "Range 1 to 67,108,864. Larger messages are rejected and reported on the errors topic.")
    int max_payload_bytes() default 1048576;

    @AttributeDefinition(name = "Command token", type = AttributeType.PASSWORD, required = false,
            description = "A shared secret every command must carry in its JSON body as \"token\"; others are "
                    + "answered 403 and reported on the errors topic. Empty: no token needed (restrict who may "
                    + "publish commands with the broker's ACL instead, or as well).")
    String commands_token() default "";
    @AttributeDefinition(name = "Payload format", description = "How samples are read. auto: JSON if the payload "
            + "starts with '{', else raw values by size (uint8 or float32 little-endian). A raw sample whose first "
            + "byte can be '{' (123) needs uint8 or float32.",
            options = {@Option(label = "auto", value = "auto"), @Option(label = "JSON only", value = "json"),
                    @Option(label = "raw uint8", value = "uint8"), @Option(label = "raw float32", value = "float32")})
    String payload_format() default "auto";

    @AttributeDefinition(name = "Held messages", min = "1", max = "1000000", description = "Range 1 to 1,000,000. Predictions, error "
            + "reports and replies held, oldest first, while the broker is away or slow; published on reconnection. "
            + "Past this or the byte limit the oldest are dropped, counted and reported.")
    int backlog_size() default 10000;

    @AttributeDefinition(name = "Held bytes", min = "1024", max = "268435456", description = "Range 1,024 to 268,435,456. Byte limit of the "
            + "held messages (payloads and topics).")
    int backlog_bytes() default 8388608;

    @AttributeDefinition(name = "Predictor Target Filter", description = "The LeanTTA model this front serves, as "
            + "an OSGi filter on its instance, e.g. (kura.service.pid=model-a); commands go to the same model. The "
            + "default takes any LeanTTA model: enough with one; with several, name one.")
    String Predictor_target() default ModelControl.ANY_MODEL;

    @AttributeDefinition(name = "Groups", required = false, description = "Fleet groups this gateway belongs to, "
            + "comma-separated (letters, digits, '-', '_', '.'): it also obeys {topic.prefix}/fleet/{group}/commands/"
            + "{command} and answers on its own replies topic with its device id. Empty: no group.")
    String groups() default "";
}

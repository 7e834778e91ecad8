package org.leantta.kura.cloud;

import org.leantta.kura.ModelControl;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@link CloudFront}; its defaults are the only defaults. */
@ObjectClassDefinition(id = CloudFront.PID, name = "LeanTTA cloud front",
        description = "Reads sensor samples through one of the gateway's cloud subscribers, publishes adapted "
                + "predictions and error reports through a cloud publisher (so Kura's cloud connection, its "
                + "store-and-forward and credentials carry them), and answers the request handler "
                + CloudFront.REQUEST_HANDLER_ID + " (EXEC reset|enable|disable|rollback, GET status|configuration).")
public @interface CloudFrontConfig {
    @AttributeDefinition(name = "Enabled", description = "Subscribe, publish and answer requests. Off: idle.")
    boolean enabled() default true;

    @AttributeDefinition(name = "CloudPublisher Target Filter", description = "The cloud publisher of predictions "
            + "and error reports. Its application topic may use $sensor and $kind (prediction or error), e.g. "
            + "leantta/$kind/$sensor.")
    String CloudPublisher_target() default "(kura.service.pid=changeme)";

    @AttributeDefinition(name = "CloudSubscriber Target Filter", description = "The cloud subscriber of sensor "
            + "samples. Sample: the body holds a JSON sample or the model's values as raw bytes (uint8, or float32 "
            + "little-endian); metrics sensor (default below), id and encoding (uint8|float32) are optional.")
    String CloudSubscriber_target() default "(kura.service.pid=changeme)";

    @AttributeDefinition(name = "Default sensor", description = "The sensor of samples without a sensor metric "
            + "(one adaptation state per sensor in hybrid mode).")
    String default_sensor() default "cloud";

    @AttributeDefinition(name = "Queue size", min = "1", max = "100000", description = "Range 1 to 100,000. "
            + "Samples waiting for inference. When full, the subscriber waits up to the enqueue timeout, then the "
            + "sample is reported as dropped.")
    int queue_size() default 1000;

    @AttributeDefinition(name = "Enqueue timeout (ms)", min = "0", max = "600000",
            description = "Range 0 to 600,000. How long a sample may wait for room in a full queue.")
    int queue_timeout_ms() default 5000;

    @AttributeDefinition(name = "Largest payload (bytes)", min = "1", max = "67108864",
            description = "Range 1 to 67,108,864. Larger samples are rejected and reported.")
    int max_payload_bytes() default 1048576;

    @AttributeDefinition(name = "Held messages", min = "1", max = "1000000", description = "Range 1 to "
            + "1,000,000. Predictions and reports kept, oldest first, while the publisher fails or is not chosen; "
            + "past this the oldest are dropped, counted and reported once publishing works again.")
    int backlog_size() default 10000;

    @AttributeDefinition(name = "Command token", type = AttributeType.PASSWORD, required = false,
            description = "A shared secret every request must carry in its JSON body as \"token\"; others are "
                    + "answered with response.code 400 (status 403 in the body) and reported. Empty: no token needed.")
    String commands_token() default "";

    @AttributeDefinition(name = "Allowed requesters", required = false, description = "Client ids (the "
            + "requester.client.id of Kura requests) allowed to send commands, separated by commas; requests from "
            + "others are refused like a wrong token. Empty: any requester the cloud platform lets through.")
    String commands_allowed_requesters() default "";

    @AttributeDefinition(name = "Predictor Target Filter", description = "The LeanTTA model this front serves, as "
            + "an OSGi filter on its instance, e.g. (kura.service.pid=model-a); commands go to the same model. The "
            + "default takes any LeanTTA model: enough with one; with several, name one.")
    String Predictor_target() default ModelControl.ANY_MODEL;
}

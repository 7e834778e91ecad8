package org.leantta.kura.cloud;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContext;
import org.eclipse.kura.cloudconnection.request.RequestHandlerMessageConstants;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.eclipse.kura.message.KuraPayload;
import org.eclipse.kura.message.KuraResponsePayload;
import org.leantta.api.AdaptationControl;
import org.leantta.api.AdaptationEvent;
import org.leantta.api.AdaptationListener;
import org.leantta.api.FrontStatus;
import org.leantta.api.Predictor;
import org.leantta.kura.ModelControl;
import org.leantta.core.json.Json;
import org.leantta.kura.mqtt.CommandGuard;
import org.leantta.kura.mqtt.Commands;
import org.leantta.kura.mqtt.Decoder;
import org.leantta.kura.mqtt.Item;
import org.leantta.kura.mqtt.Pipeline;
import org.leantta.kura.mqtt.Secrets;
import org.leantta.kura.mqtt.Stats;
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
 * The front through the gateway's own cloud connection: samples from a CloudSubscriber, predictions and error
 * reports through a CloudPublisher (both chosen in the web UI by target filter), commands through Kura's request
 * handler {@value #REQUEST_HANDLER_ID}. The same pipeline and commands as the MQTT bridge; the models' events
 * go out through the publisher too (kind {@code event}). Every Kura reference
 * is optional and dynamic, so the component is active before a cloud connection is chosen.
 */
@Component(name = CloudFront.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ConfigurableComponent.class, FrontStatus.class, AdaptationListener.class})
@Designate(ocd = CloudFrontConfig.class)
public final class CloudFront implements ConfigurableComponent, CloudSubscriberListener, RequestHandler,
        FrontStatus, AdaptationListener {
    public static final String PID = "org.leantta.kura.cloud.CloudFront";
    public static final String REQUEST_HANDLER_ID = "LEANTTA-V1";
    private static final Logger LOG = LoggerFactory.getLogger(CloudFront.class);
    /** A sensor name may become a topic level of the publisher ($sensor); compiled once, checked per sample. */
    private static final Pattern SENSOR_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final List<String> EXEC = List.of("reset", "enable", "disable", "rollback");
    private static final List<String> GET = List.of("status", "configuration");
    private static final String REQUESTER = "requester.client.id";

    /** The model chosen by the {@code Predictor.target} filter of the configuration. */
    @Reference(name = "Predictor")
    Predictor predictor;
    /** The same model's commands. */
    AdaptationControl control;
    @Reference(name = "CloudPublisher", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CloudPublisher publisher;
    /** The other fronts (the MQTT bridge), whose state {@code status} reports too. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(component.name=" + PID + "))")
    volatile List<FrontStatus> fronts = List.of();
    /** Kura's decryption of Password properties; absent off a gateway, where they are given in clear. */
    private volatile CryptoService crypto;

    private final Set<CloudSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Set<RequestHandlerRegistry> registries = ConcurrentHashMap.newKeySet();
    private volatile CloudSink sink;
    private Commands commands;
    private Pipeline pipeline;
    private ScheduledExecutorService retry;
    private volatile CloudFrontConfig config;
    private volatile Decoder decoder;
    private volatile boolean attached;

    /** Publishes an event of a model (reset, re-anchor, configuration, ...) as a message of kind event. */
    @Override
    public void event(AdaptationEvent e) {
        CloudSink s = sink;
        if (s != null) {
            s.event(e);
        }
    }

    @Activate
    synchronized void activate(CloudFrontConfig c) {
        sink = new CloudSink(() -> publisher, c.backlog_size());
        control = ModelControl.of(predictor);
        commands = new Commands(control, this::describeAll);
        pipeline = new Pipeline(predictor, commands, new Stats(), sink, c.queue_size(), c.queue_timeout_ms());
        retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leantta-cloud-retry");
            t.setDaemon(true);
            return t;
        });
        // held messages go out as soon as the publisher takes them again
        retry.scheduleWithFixedDelay(sink::flush, 1, 1, TimeUnit.SECONDS);
        apply(c);
    }

    @Modified
    synchronized void modified(CloudFrontConfig c) {
        apply(c);
    }

    /** Kura's CryptoService may come after activation: the token is then decrypted again. */
    @Reference(name = "crypto", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindCrypto(CryptoService service) {
        crypto = service;
        if (config != null) {
            apply(config);
        }
    }

    void unbindCrypto(CryptoService service) {
        if (crypto == service) {
            crypto = null;
        }
    }

    private void apply(CloudFrontConfig c) {
        config = c;
        commands.guard(guard(c));
        decoder = Decoder.forMessages(c.max_payload_bytes(), () -> predictor.model().inputSize());
        pipeline.reconfigure(sink, c.queue_size(), c.queue_timeout_ms());
        sink.setCapacity(c.backlog_size());
        if (c.enabled() && !attached) {
            attached = true;
            subscribers.forEach(this::listen);
            registries.forEach(this::register);
            LOG.info("cloud front enabled: {} subscriber(s), {} request handler registr(ies)", subscribers.size(),
                    registries.size());
        } else if (!c.enabled() && attached) {
            detach();
            LOG.info("cloud front disabled by configuration");
        }
    }

    private CommandGuard guard(CloudFrontConfig c) {
        try {
            return CommandGuard.of(Secrets.of(crypto).reveal(c.commands_token()), c.commands_allowed_requesters());
        } catch (IllegalArgumentException e) {
            LOG.error("commands.token refused ({}); every command is refused until it is set again", e.getMessage());
            return CommandGuard.refusingAll("commands.token could not be read: " + e.getMessage());
        }
    }

    private void detach() {
        attached = false;
        subscribers.forEach(this::unlisten);
        registries.forEach(this::unregister);
    }

    @Reference(name = "CloudSubscriber", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindCloudSubscriber(CloudSubscriber s) {
        subscribers.add(s);
        if (attached) {
            listen(s);
        }
    }

    synchronized void unbindCloudSubscriber(CloudSubscriber s) {
        if (subscribers.remove(s) && attached) {
            unlisten(s);
        }
    }

    @Reference(name = "RequestHandlerRegistry", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void bindRequestHandlerRegistry(RequestHandlerRegistry r) {
        registries.add(r);
        if (attached) {
            register(r);
        }
    }

    synchronized void unbindRequestHandlerRegistry(RequestHandlerRegistry r) {
        if (registries.remove(r) && attached) {
            unregister(r);
        }
    }

    private void listen(CloudSubscriber s) {
        s.registerCloudSubscriberListener(this);
    }

    private void unlisten(CloudSubscriber s) {
        s.unregisterCloudSubscriberListener(this);
    }

    private void register(RequestHandlerRegistry r) {
        try {
            r.registerRequestHandler(REQUEST_HANDLER_ID, this);
        } catch (Exception e) {
            LOG.error("could not register request handler {}: {}", REQUEST_HANDLER_ID, e.getMessage());
        }
    }

    private void unregister(RequestHandlerRegistry r) {
        try {
            r.unregister(REQUEST_HANDLER_ID);
        } catch (Exception e) {
            LOG.warn("could not unregister request handler {}: {}", REQUEST_HANDLER_ID, e.getMessage());
        }
    }

    /** A sample from the subscriber: decoded and queued on the subscriber's thread, never thrown back. */
    @Override
    public void onMessageArrived(KuraMessage message) {
        Pipeline p = pipeline;
        if (p == null) {
            return;
        }
        p.accept(sample(message));
    }

    private Item sample(KuraMessage message) {
        KuraPayload payload = message == null ? null : message.getPayload();
        if (payload == null) {
            return new Item.Rejected(sink.sampleOrigin("?"), null, null, "message without a payload", 0);
        }
        Object sensorMetric = payload.getMetric("sensor");
        String sensor = sensorMetric == null ? config.default_sensor() : String.valueOf(sensorMetric);
        byte[] body = payload.getBody() == null ? new byte[0] : payload.getBody();
        if (!SENSOR_NAME.matcher(sensor).matches()) {
            return new Item.Rejected(sink.sampleOrigin("?"), null, null, "sensor metric must be 1-128 letters, "
                    + "digits or ._- (it may become a topic level), got " + Json.compact(sensor), body.length);
        }
        Item item = decoder.sample(sink.sampleOrigin(sensor), sensor, body);
        Object id = payload.getMetric("id");
        if (item instanceof Item.Sample s) {
            long ts = payload.getTimestamp() == null ? s.ts() : payload.getTimestamp().getTime();
            return new Item.Sample(s.sensor(), id == null ? s.id() : String.valueOf(id), ts, s.values(),
                    s.encoding(), s.payloadBytes());
        }
        if (item instanceof Item.Rejected r && id != null) {
            // the sender's id names the rejected sample in the report, as it names its prediction
            return new Item.Rejected(r.topic(), r.sensor(), String.valueOf(id), r.reason(), r.payloadBytes());
        }
        return item;
    }

    @Override
    public KuraMessage doGet(RequestHandlerContext context, KuraMessage request) {
        return request(GET, EXEC, request);
    }

    @Override
    public KuraMessage doExec(RequestHandlerContext context, KuraMessage request) {
        return request(EXEC, GET, request);
    }

    private KuraMessage request(List<String> resources, List<String> otherMethod, KuraMessage request) {
        Object args = request.getProperties().get(RequestHandlerMessageConstants.ARGS_KEY.value());
        List<?> path = args instanceof List<?> l ? l : List.of();
        if (path.size() != 1 || !resources.contains(String.valueOf(path.get(0)))) {
            String named = path.isEmpty() ? "" : String.valueOf(path.get(0));
            int code = path.size() == 1 && otherMethod.contains(named) ? KuraResponsePayload.RESPONSE_CODE_BAD_REQUEST
                    : KuraResponsePayload.RESPONSE_CODE_NOTFOUND;
            return response(code, "unknown resource " + path + ": expected EXEC " + String.join("|", EXEC)
                    + " or GET " + String.join("|", GET), null);
        }
        String command = String.valueOf(path.get(0));
        byte[] body = request.getPayload() == null || request.getPayload().getBody() == null ? new byte[0]
                : request.getPayload().getBody();
        Item item = decoder.command(sink.commandOrigin(command), command, body);
        if (!(item instanceof Item.Command c)) {
            return response(KuraResponsePayload.RESPONSE_CODE_BAD_REQUEST, ((Item.Rejected) item).reason(), null);
        }
        // Kura correlates the reply by its own request.id: the command gets one of ours
        Object requester = request.getPayload() == null ? null : request.getPayload().getMetric(REQUESTER);
        Map<String, Object> reply = pipeline.execute(new Item.Command(c.command(), null, c.body(), c.bodyError()),
                requester == null ? null : String.valueOf(requester));
        return response(code(reply.get("status")), String.valueOf(reply.get("message")), reply);
    }

    /**
     * Kura's response codes: a refusal (403 in the body) goes out as 400, because the cloud platform knows only
     * 200, 400, 404 and 500 (Kapua cannot map any other code).
     */
    private static int code(Object status) {
        if (!(status instanceof Integer i)) {
            return KuraResponsePayload.RESPONSE_CODE_ERROR;
        }
        return i == 403 ? KuraResponsePayload.RESPONSE_CODE_BAD_REQUEST : i;
    }

    private static KuraMessage response(int code, String message, Map<String, Object> reply) {
        KuraResponsePayload payload = new KuraResponsePayload(code);
        payload.addMetric("message", message);
        if (reply != null) {
            payload.addMetric("command", String.valueOf(reply.get("command")));
            payload.setBody(Json.compact(reply).getBytes(StandardCharsets.UTF_8));
        }
        return new KuraMessage(payload);
    }

    @Override
    public Map<String, Object> status() {
        return describe();
    }

    /** This front's state and, under {@code fronts}, the other fronts'. */
    Map<String, Object> describeAll() {
        Map<String, Object> m = describe();
        m.put("fronts", fronts.stream().map(FrontStatus::status).toList());
        return m;
    }

    Map<String, Object> describe() {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("pid", PID);
        CloudFrontConfig c = config;
        front.put("enabled", c != null && c.enabled());
        front.put("publisher", publisher != null);
        front.put("subscribers", subscribers.size());
        front.put("requestHandlerRegistries", registries.size());
        front.put("delivery", sink.describe());
        front.putAll(commands.describeGuard());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cloudFront", front);
        m.putAll(pipeline.describe());
        return m;
    }

    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        if (attached) {
            detach();
        }
        retry.shutdownNow();
        pipeline.close();
        sink.flush();
    }
}

package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.leantta.api.FrontStatus;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The MQTT bridge against a Mosquitto broker that only speaks TLS, with a certificate signed by a CA the test
 * makes, and only lets known users in (a password file). Right settings: connected, samples answered. A wrong
 * password or an untrusted certificate: a reason in the bridge's status and in the log, retries with back-off,
 * the component still active, and a configuration update that fixes it makes the bridge connect.
 *
 * <p>While the bridge cannot connect, its MQTT status is out of reach, so the test reads the same status from
 * the bridge's {@link FrontStatus} service (what the cloud front's {@code status} shows) and the component's
 * state from SCR.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokerTlsIT extends GatewayItBase {
    static final String MODEL = "org.leantta.kura.model.LeanTtaModel";
    static final String BRIDGE = "org.leantta.kura.mqtt.MqttBridge";
    static final String DEVICE = "tls-device";
    static final String BASE = "leantta/" + DEVICE + "/";
    static final String GATEWAY_USER = "gateway";
    static final String GATEWAY_PASSWORD = "gw-pass-1";
    static final String SENSOR_USER = "sensor";
    static final String SENSOR_PASSWORD = "sensor-pass-1";
    static final long WAIT_MS = 20_000;

    /** Made once per framework: the broker outlives the test methods. */
    private static TestPki pki;
    private static Mosquitto broker;

    @Before
    public void givenATlsBrokerWithUsersAndTheBridgeConfiguredForIt() throws Exception {
        if (broker == null) {
            Path dir = Files.createTempDirectory("mosquitto-tls");
            pki = TestPki.create(dir);
            Path passwords = dir.resolve("passwords");
            TestPki.run(dir, Mosquitto.find("mosquitto_passwd"), "-c", "-b", passwords.toString(), GATEWAY_USER,
                    GATEWAY_PASSWORD);
            TestPki.run(dir, Mosquitto.find("mosquitto_passwd"), "-b", passwords.toString(), SENSOR_USER,
                    SENSOR_PASSWORD);
            broker = Mosquitto.start(dir, port -> String.join("\n",
                    "per_listener_settings false", "allow_anonymous false", "password_file " + passwords,
                    "persistence false", "user " + System.getProperty("user.name"),
                    "listener " + port + " 127.0.0.1", "cafile " + pki.caCert(), "certfile " + pki.serverCert(),
                    "keyfile " + pki.serverKey(), ""));
        }
        Components.configureIfAbsent(configurationAdmin, MODEL, new Hashtable<>(Map.of("tau", 0.85f)));
        configureBridge(Map.of());
        Components.awaitActive(scr, MODEL);
        Components.awaitActive(scr, BRIDGE);
    }

    @Test
    public void theRightCredentialsOverTlsConnectAndSamplesAreAnswered() throws Exception {
        try (MqttProbe probe = sensor("tls-sensor")) {
            Map<String, Object> status = awaitBridge(probe);
            Map<?, ?> bridge = (Map<?, ?>) status.get("bridge");
            await(() -> bridgeStatus().get("connected"), Boolean.TRUE::equals, "both connections of the bridge up");
            Map<?, ?> settings = (Map<?, ?>) bridge.get("configuration");
            assertEquals(sslUrl(), settings.get("broker.url"));
            assertEquals(true, settings.get("tls.enabled"));
            assertEquals("(set)", settings.get("password"));
            assertFalse("no password in the status", status.toString().contains(GATEWAY_PASSWORD));

            ImageSet test = Shipped.testSet();
            for (int i = 0; i < 5; i++) {
                probe.publish(BASE + "sensors/cam", GatewayIT.jsonUint8("t-" + i, test.image(i)));
            }
            List<MqttProbe.Received> answers = probe.collect("/predictions/cam", 5, WAIT_MS);
            Set<Object> ids = new HashSet<>();
            answers.forEach(a -> ids.add(a.body().get("id")));
            assertEquals(Set.of("t-0", "t-1", "t-2", "t-3", "t-4"), ids);
        }
    }

    @Test
    public void aWrongPasswordIsReportedRetriedAndCorrectedByAConfigurationUpdate() throws Exception {
        try (StdoutLog log = new StdoutLog()) {
            configureBridge(Map.of("password", "not-the-password"));

            String error = awaitBridgeError(e -> e.contains("Not authorized"));
            assertTrue(error, error.contains("check username and password"));
            assertRetriedAndLogged(log, "not authorized");
        }
        configureBridge(Map.of());
        try (MqttProbe probe = sensor("tls-after-password")) {
            awaitBridge(probe);
            // status is answered on the control connection; the samples connection may come up a moment later
            await(() -> bridgeStatus().get("connected"), Boolean.TRUE::equals, "both connections of the bridge up");
        }
    }

    @Test
    public void anUntrustedCertificateIsReportedRetriedAndCorrectedByAConfigurationUpdate() throws Exception {
        try (StdoutLog log = new StdoutLog()) {
            configureBridge(Map.of("tls.truststore.path", pki.otherTrustStore().toString()));

            String error = awaitBridgeError(e -> e.contains("certificate is not trusted"));
            assertTrue(error, error.contains("unable to find valid certification path"));
            assertRetriedAndLogged(log, "certificate is not trusted");
        }
        configureBridge(Map.of());
        try (MqttProbe probe = sensor("tls-after-truststore")) {
            awaitBridge(probe);
            // status is answered on the control connection; the samples connection may come up a moment later
            await(() -> bridgeStatus().get("connected"), Boolean.TRUE::equals, "both connections of the bridge up");
        }
    }

    /**
     * At least two failed attempts, each logged with the reason and the delay before the next one, while both
     * components stay active.
     */
    private void assertRetriedAndLogged(StdoutLog log, String reason) throws InterruptedException {
        String url = "cannot connect to " + sslUrl();
        List<String> attempts = await(() -> log.lines(url, reason, "retrying in"), l -> l.size() >= 2,
                "two failed attempts logged");
        assertNotNull(attempts);
        Components.awaitActive(scr, BRIDGE);
        Components.awaitActive(scr, MODEL);
        assertEquals(false, bridgeStatus().get("connected"));
    }

    /** The whole bridge configuration: the working one with {@code changes}. */
    private void configureBridge(Map<String, Object> changes) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>(Map.of("broker.url", sslUrl(),
                "tls.enabled", true, "tls.truststore.path", pki.trustStore().toString(),
                "tls.truststore.password", pki.trustStorePassword(), "username", GATEWAY_USER,
                "password", GATEWAY_PASSWORD, "device.id", DEVICE, "queue.timeout.ms", 1000));
        changes.forEach(props::put);
        org.osgi.service.cm.Configuration c = configurationAdmin.getConfiguration(BRIDGE, "?");
        if (!sameAs(c.getProperties(), props)) {
            c.update(props);
        }
    }

    private static boolean sameAs(Dictionary<String, Object> current, Dictionary<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        for (String key : java.util.Collections.list(wanted.keys())) {
            if (!wanted.get(key).equals(current.get(key))) {
                return false;
            }
        }
        return true;
    }

    private String awaitBridgeError(Predicate<String> match) throws InterruptedException {
        return await(() -> String.valueOf(bridgeStatus().get("lastError")), match, "the bridge's lastError");
    }

    /** The "bridge" part of the bridge's own status, read from its FrontStatus service. */
    private Map<?, ?> bridgeStatus() {
        try {
            Collection<ServiceReference<FrontStatus>> refs = context.getServiceReferences(FrontStatus.class,
                    "(component.name=" + BRIDGE + ")");
            assertEquals("one FrontStatus of the bridge", 1, refs.size());
            ServiceReference<FrontStatus> ref = refs.iterator().next();
            try {
                return (Map<?, ?>) context.getService(ref).status().get("bridge");
            } finally {
                context.ungetService(ref);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sensor and operator that connects with its own user over TLS, trusting the test's CA. */
    private static MqttProbe sensor(String clientId) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pki.trustStore())) {
            ks.load(in, pki.trustStorePassword().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(ctx.getSocketFactory());
        o.setUserName(SENSOR_USER);
        o.setPassword(SENSOR_PASSWORD.toCharArray());
        return new MqttProbe(sslUrl(), o, clientId, BASE + "predictions/+",
                BASE + "errors", BASE + "replies/+");
    }

    private static String sslUrl() {
        return "ssl://127.0.0.1:" + broker.port();
    }

    /** Status requests until one is answered (the bridge is connected and subscribed); returns that reply. */
    private Map<String, Object> awaitBridge(MqttProbe probe) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        for (int attempt = 0; ; attempt++) {
            String id = "ready-" + attempt;
            probe.publish(BASE + "commands/status", "{\"requestId\":\"" + id + "\"}");
            try {
                return probe.await(r -> r.topic().equals(BASE + "replies/" + id), 500).body();
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the bridge did not answer over TLS within " + WAIT_MS + " ms; "
                            + "its status: " + bridgeStatus(), notYet);
                }
            }
        }
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        T value = probe.get();
        while (!done.test(value)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " not as expected within " + WAIT_MS + " ms: " + value);
            }
            Thread.sleep(50);
            value = probe.get();
        }
        return value;
    }
}

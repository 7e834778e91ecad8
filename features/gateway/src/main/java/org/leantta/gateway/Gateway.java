package org.leantta.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded gateway runtime: an Equinox framework with the jars of {@link GatewayOptions#bundlesDir()}
 * (SCR, ConfigAdmin, MetaType, EventAdmin, the Felix web console on Jetty at 127.0.0.1 and the LeanTTA
 * bundles: the components bundle, which embeds Paho and ONNX Runtime, and its native fragments, of which only the
 * host platform's resolves), configured from a Kura snapshot. Prints nothing; the web console login is {@value #WEB_CONSOLE_USER}
 * with {@link #adminPassword()}, generated anew on every start.
 */
public final class Gateway implements AutoCloseable {

    /** A snapshot configuration with this property is an instance of that factory (Kura's snapshots). */
    static final String FACTORY_PID = "service.factoryPid";
    static final String KURA_SERVICE_PID = "kura.service.pid";
    public static final String WEB_CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    public static final String WEB_CONSOLE_USER = "admin";

    /*
     * The launcher calls ConfigurationAdmin from outside the framework, so both sides must see one
     * org.osgi.service.cm: the system bundle exports the copy on this classpath (org.osgi.service.cm 1.6.1) and
     * configadmin 1.9.26, which imports [1.6,1.7) and would export its own 1.6.0, wires to the higher version.
     * Reflection would work as well, but typed calls keep the snapshot and override code plain.
     */
    private static final String CM_EXPORT = "org.osgi.service.cm;version=\"1.6.1\"";
    private static final String LOCALHOST = "127.0.0.1";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final GatewayOptions options;
    private Framework framework;
    private Path storage;
    private boolean temporaryStorage;
    private ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configAdmin;
    private String adminPassword;
    private String managerRoot = "/system/console";
    private int httpPort;
    private HealthCheck health;
    /** Attached before the bundles start: a configuration refused at activation is logged then. */
    private ComponentLog bridgeLog;

    public Gateway(GatewayOptions options) {
        this.options = options;
    }

    /**
     * Launches the framework, installs and starts the bundles, applies the snapshot and overrides, and returns
     * once the web console answers. On failure the framework is stopped again.
     */
    public synchronized Gateway start() throws Exception {
        if (framework != null) {
            throw new IllegalStateException("already started");
        }
        Map<String, Map<String, Object>> configurations = configurations();
        List<Path> jars = GatewayBundles.jars(options.bundlesDir());
        adminPassword = WebConsolePassword.generate();
        String passwordHash = WebConsolePassword.hash(adminPassword);
        configurations.computeIfAbsent(WEB_CONSOLE_PID, k -> new LinkedHashMap<>()).putAll(
                Map.of("username", WEB_CONSOLE_USER, "password", passwordHash));
        managerRoot = String.valueOf(configurations.get(WEB_CONSOLE_PID).getOrDefault("manager.root", managerRoot));

        temporaryStorage = options.storageDir() == null;
        storage = temporaryStorage ? Files.createTempDirectory("leantta-gateway") : options.storageDir();
        Map<String, String> props = new LinkedHashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, CM_EXPORT);
        props.put("org.osgi.service.http.port", Integer.toString(options.httpPort()));
        props.put("org.apache.felix.http.host", LOCALHOST);
        // the console's defaults before its configuration arrives: never a moment with admin/admin
        props.put("felix.webconsole.username", WEB_CONSOLE_USER);
        props.put("felix.webconsole.password", passwordHash);
        props.putAll(options.frameworkProperties());

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Gateway.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the classpath"));
        framework = factory.newFramework(props);
        bridgeLog = ComponentLog.attach(HealthCheck.BRIDGE_LOGGER);
        try {
            launch(jars, configurations);
        } catch (Exception | Error e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return this;
    }

    private void launch(List<Path> jars, Map<String, Map<String, Object>> configurations) throws Exception {
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        ctx.registerService(ResolverHookFactory.class, new Slf4jSideBySide(), null);
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        List<Bundle> bundles = GatewayBundles.install(ctx, wiring, jars);
        framework.start();
        wiring.resolveBundles(null);

        // ConfigAdmin first and configured before anything else starts, so components start configured
        configAdmin = new ServiceTracker<>(ctx, ConfigurationAdmin.class, null);
        configAdmin.open();
        List<String> failures = new ArrayList<>();
        bundles.stream().filter(b -> GatewayBundles.startRank(b) == 0).forEach(b -> GatewayBundles.start(b, failures));
        ConfigurationAdmin cm = configAdmin.waitForService(options.timeout().toMillis());
        if (cm == null) {
            throw new TimeoutException("ConfigurationAdmin not available after " + options.timeout() + " " + failures);
        }
        apply(cm, configurations);
        bundles.stream().filter(b -> GatewayBundles.startRank(b) > 0).forEach(b -> GatewayBundles.start(b, failures));
        if (!failures.isEmpty()) {
            throw new BundleException("bundles failed to start:\n  " + String.join("\n  ", failures));
        }
        httpPort = HttpReadiness.awaitPort(ctx, options.timeout());
        HttpReadiness.awaitWebConsole(webConsoleUrl(), options.timeout());
    }

    private static void apply(ConfigurationAdmin cm, Map<String, Map<String, Object>> configurations)
            throws IOException {
        for (Map.Entry<String, Map<String, Object>> e : configurations.entrySet()) {
            String pid = e.getKey();
            Object factoryPid = e.getValue().get(FACTORY_PID);
            // "?": a multi-location binding, so whichever bundle registers the pid gets it; a factory instance is
            // named by the snapshot's pid, which becomes its kura.service.pid, as Kura does
            Configuration c = factoryPid == null ? cm.getConfiguration(pid, "?")
                    : cm.getFactoryConfiguration(factoryPid.toString(), pid, "?");
            Dictionary<String, Object> d = c.getProperties() != null ? c.getProperties() : new Hashtable<>();
            for (Map.Entry<String, Object> p : e.getValue().entrySet()) {
                if (!p.getKey().equals(FACTORY_PID) && !p.getKey().equals(Constants.SERVICE_PID)) {
                    d.put(p.getKey(), p.getValue());
                }
            }
            if (factoryPid != null && d.get(KURA_SERVICE_PID) == null) {
                d.put(KURA_SERVICE_PID, pid);
            }
            try {
                c.update(d);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("pid '" + pid + "': " + ex.getMessage(), ex);
            }
        }
    }

    /** Snapshot, then overrides on top, in that order. */
    private Map<String, Map<String, Object>> configurations() throws IOException {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        if (options.snapshot() != null) {
            KuraSnapshot.read(options.snapshot()).configurations().forEach((pid, p) -> all.put(pid, new LinkedHashMap<>(p)));
        }
        options.overrides().forEach((pid, p) -> {
            // an override for a factory pid applies to each of its instances in the snapshot
            List<Map<String, Object>> instances = all.values().stream()
                    .filter(c -> pid.equals(c.get(FACTORY_PID))).toList();
            if (instances.isEmpty()) {
                all.computeIfAbsent(pid, k -> new LinkedHashMap<>()).putAll(p);
            } else {
                instances.forEach(c -> c.putAll(p));
            }
        });
        return all;
    }

    /**
     * The pid under which a component is configured (the web console's configMgr/&lt;pid&gt;): its own, else its
     * first factory instance's (the model of the shipped snapshot: org.leantta.kura.model.LeanTtaModel~leantta-model).
     */
    public String configurationPid(String component) {
        return ConfigurationPids.of(configurationAdmin(), component);
    }

    public BundleContext bundleContext() {
        return running().getBundleContext();
    }

    /** ConfigurationAdmin, typed: this classpath and the framework share org.osgi.service.cm. */
    public ConfigurationAdmin configurationAdmin() {
        running();
        return configAdmin.getService();
    }

    public String adminUser() {
        return WEB_CONSOLE_USER;
    }

    public String adminPassword() {
        running();
        return adminPassword;
    }

    public int httpPort() {
        running();
        return httpPort;
    }

    /** For example {@code http://127.0.0.1:8080/system/console}. */
    public String webConsoleUrl() {
        running();
        return "http://" + LOCALHOST + ":" + httpPort + managerRoot;
    }

    /**
     * Whether the gateway serves: the LeanTTA model and MQTT bridge components active, the model ready, the bridge
     * answering a status command on its broker (within 3 s); else what is wrong, from the components' own status.
     */
    public synchronized Health health() throws Exception {
        return healthCheck().check();
    }

    /**
     * The MQTT bridge's answer to a status command on its broker (counters, queue, latency percentiles, mean shift),
     * as an operator would get it; null when it does not answer within 3 s or is disabled.
     */
    public synchronized Map<String, Object> bridgeStatus() throws Exception {
        return healthCheck().bridgeStatus();
    }

    private HealthCheck healthCheck() {
        if (health == null) {
            health = new HealthCheck(bundleContext(), configurationAdmin(), bridgeLog, PROBE_TIMEOUT);
        }
        return health;
    }

    /** Blocks until the framework stops (for a foreground {@code ./leantta run}). */
    public void awaitStop() throws InterruptedException {
        running().waitForStop(0);
    }

    private Framework running() {
        if (framework == null) {
            throw new IllegalStateException("gateway not started");
        }
        return framework;
    }

    /** Stops the framework and waits for it; throws if it does not stop within the timeout. */
    @Override
    public synchronized void close() {
        if (framework == null) {
            return;
        }
        try {
            if (health != null) {
                health.close();
                health = null;
            }
            bridgeLog.close();
            if (configAdmin != null) {
                configAdmin.close();
            }
            framework.stop();
            FrameworkEvent event = framework.waitForStop(options.timeout().toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new IllegalStateException("framework did not stop within " + options.timeout());
            }
        } catch (BundleException e) {
            throw new IllegalStateException("framework stop failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the framework", e);
        } finally {
            framework = null;
            configAdmin = null;
            if (temporaryStorage) {
                deleteQuietly(storage);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans up what is left
        }
    }
}

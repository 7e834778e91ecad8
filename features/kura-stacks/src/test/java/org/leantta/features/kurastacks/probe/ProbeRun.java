package org.leantta.features.kurastacks.probe;

import org.eclipse.kura.wire.WireHelperService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One probe run: configure the deployment package's components from their metatype defaults as Kura's
 * ConfigurationService does, wait until they are ACTIVE (or settled otherwise, or the deadline), report every
 * bundle, component and the Kura API bundle's exports, then stop the framework.
 *
 * <p>Framework properties (config.ini): {@code leantta.probe.bundles} (comma-separated symbolic names of the
 * .dp's bundles), {@code leantta.probe.kuraapi} (symbolic name of the Kura API bundle),
 * {@code leantta.probe.report} (report file), {@code leantta.probe.timeout.seconds}.
 */
final class ProbeRun implements Runnable {

    private final BundleContext context;
    private final ProbeReport report = new ProbeReport();

    ProbeRun(BundleContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            probe(started + TimeUnit.SECONDS.toNanos(Long.parseLong(property("leantta.probe.timeout.seconds"))));
        } catch (Exception | LinkageError e) {
            report.add("error", stackTrace(e));
        } finally {
            report.add("elapsed", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            finish();
        }
    }

    private void probe(long deadline) throws Exception {
        Bundle system = context.getBundle(0);
        report.add("framework", system.getSymbolicName(), system.getVersion());
        List<Bundle> dpBundles = dpBundles();

        ConfigurationAdmin cm = await(ConfigurationAdmin.class, deadline);
        MetaTypeService metatype = await(MetaTypeService.class, deadline);
        ServiceComponentRuntime scr = await(ServiceComponentRuntime.class, deadline);
        Map<String, Bundle> configured = new LinkedHashMap<>();
        if (cm != null && metatype != null) {
            // Kura's wire graph is not part of the stack: a test double stands in for its WireHelperService
            context.registerService(WireHelperService.class, WireHelperDouble.create(), null);
            configured = configure(dpBundles, metatype, cm);
        }
        if (scr != null) {
            ComponentStates components = new ComponentStates(scr);
            long waitStart = System.nanoTime();
            boolean settled = components.awaitSettled(configured, deadline);
            report.add("waited", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStart),
                    settled ? "settled" : "deadline");
            components.report(dpBundles, report);
        }
        reportBundles();
        reportExports(property("leantta.probe.kuraapi"));
    }

    private List<Bundle> dpBundles() {
        Set<String> names = new TreeSet<>(Arrays.asList(property("leantta.probe.bundles").split(",")));
        List<Bundle> found = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (names.remove(b.getSymbolicName())) {
                found.add(b);
            }
        }
        names.forEach(n -> report.add("error", "bundle of the deployment package not installed: " + n));
        return found;
    }

    /**
     * Kura's start: one configuration per singleton pid of each bundle's metatype, from the defaults; and, as a
     * user adding one in Kura's web UI (or a snapshot) does, one instance of each factory pid.
     */
    private Map<String, Bundle> configure(List<Bundle> bundles, MetaTypeService metatype, ConfigurationAdmin cm) {
        Map<String, Bundle> configured = new LinkedHashMap<>();
        for (Bundle bundle : bundles) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            String[] pids = info == null ? null : info.getPids();
            for (String pid : pids == null ? new String[0] : pids) {
                configure(bundle, info, pid, false, cm, configured);
            }
            String[] factories = info == null ? null : info.getFactoryPids();
            for (String pid : factories == null ? new String[0] : factories) {
                configure(bundle, info, pid, true, cm, configured);
            }
        }
        return configured;
    }

    private void configure(Bundle bundle, MetaTypeInformation info, String pid, boolean factory,
            ConfigurationAdmin cm, Map<String, Bundle> configured) {
        String instance = factory ? "probe-" + pid.substring(pid.lastIndexOf('.') + 1) : pid;
        try {
            var properties = KuraDefaults.of(instance, info.getObjectClassDefinition(pid, null));
            (factory ? cm.getFactoryConfiguration(pid, instance, "?") : cm.getConfiguration(pid, "?"))
                    .update(properties);
            configured.put(pid, bundle);
            report.add("configuration", bundle.getSymbolicName(), pid, properties.size() + " properties"
                    + (factory ? ", instance " + instance : ""));
        } catch (Exception | LinkageError e) {
            report.add("configuration", bundle.getSymbolicName(), pid, "FAILED: " + e);
        }
    }

    /** Every bundle with its state; why an INSTALLED bundle does not resolve; which host a fragment is on. */
    private void reportBundles() {
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            report.add("bundle", b.getSymbolicName(), b.getVersion(), stateName(b.getState()),
                    fragment ? "fragment" : "bundle", fragment ? "host=" + hosts(b) : "");
            if (b.getState() == Bundle.INSTALLED && !fragment) {
                report.add("resolution", b.getSymbolicName(), resolutionError(b));
            }
        }
    }

    /** Equinox says why a bundle does not resolve when asked to start it; transient: nothing is persisted. */
    private static String resolutionError(Bundle b) {
        try {
            b.start(Bundle.START_TRANSIENT);
            return "started on a second attempt";
        } catch (BundleException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static String hosts(Bundle fragment) {
        BundleWiring wiring = fragment.adapt(BundleWiring.class);
        List<String> hosts = new ArrayList<>();
        if (wiring != null) {
            for (BundleWire wire : wiring.getRequiredWires(HostNamespace.HOST_NAMESPACE)) {
                hosts.add(wire.getProvider().getSymbolicName());
            }
        }
        return hosts.isEmpty() ? "-" : String.join(",", hosts);
    }

    private void reportExports(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                for (BundleCapability c : b.adapt(BundleRevision.class)
                        .getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                    Map<String, Object> a = c.getAttributes();
                    report.add("export", symbolicName, a.get(PackageNamespace.PACKAGE_NAMESPACE),
                            a.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE));
                }
            }
        }
    }

    private <S> S await(Class<S> type, long deadline) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        S service = tracker.waitForService(remaining);
        if (service == null) {
            report.add("error", "no " + type.getName() + " service within the deadline");
        }
        return service; // the tracker stays open: the service stays in use until the framework stops
    }

    private void finish() {
        try {
            report.writeTo(Path.of(property("leantta.probe.report")));
        } catch (Exception e) {
            e.printStackTrace();
        }
        try {
            context.getBundle(0).stop(); // asynchronous: the framework stops, then the JVM exits
        } catch (BundleException e) {
            e.printStackTrace();
        }
    }

    private String property(String key) {
        String value = context.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("framework property " + key + " is not set");
        }
        return value;
    }

    static String stateName(int state) {
        switch (state) {
        case Bundle.UNINSTALLED: return "UNINSTALLED";
        case Bundle.INSTALLED: return "INSTALLED";
        case Bundle.RESOLVED: return "RESOLVED";
        case Bundle.STARTING: return "STARTING";
        case Bundle.STOPPING: return "STOPPING";
        case Bundle.ACTIVE: return "ACTIVE";
        default: return "STATE_" + state;
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

package org.leantta.features.kurastacks.probe;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Reads component states from the ServiceComponentRuntime. Only DS 1.4 API is called (Felix SCR 2.1.16 is a
 * DS 1.4 runtime); the DS 1.5 {@code failure} field is read reflectively when the runtime has it.
 */
final class ComponentStates {

    static final int ACTIVE = 8;
    /** DS 1.5's ComponentConfigurationDTO.FAILED_ACTIVATION (Felix SCR 2.1.16 reports it too). */
    static final int FAILED_ACTIVATION = 16;
    private static final long FAILURE_STABLE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final String PENDING = "PENDING";
    private static final String FAILED = "FAILED";

    private final ServiceComponentRuntime scr;

    ComponentStates(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /**
     * Polls until every configured pid is settled or the deadline passes; true when all settled. A pid is
     * settled when its component is ACTIVE, when its bundle is not ACTIVE (nothing will change that here), when
     * its active bundle declares no component of that name, or when its activation failed and no state has
     * changed for {@link #FAILURE_STABLE_NANOS} (SCR retries an activation only when something it uses changes).
     */
    boolean awaitSettled(Map<String, Bundle> pidToBundle, long deadlineNanos) throws InterruptedException {
        Map<String, String> last = Map.of();
        long lastChange = System.nanoTime();
        while (true) {
            Map<String, String> now = new TreeMap<>();
            pidToBundle.forEach((pid, bundle) -> now.put(pid, progress(pid, bundle)));
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            }
            boolean allFinal = now.values().stream().allMatch(p -> !p.equals(PENDING));
            if (allFinal && (!now.containsValue(FAILED) || System.nanoTime() - lastChange >= FAILURE_STABLE_NANOS)) {
                return true;
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            Thread.sleep(200); // a poll interval, bounded by the deadline above
        }
    }

    private String progress(String pid, Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            return "BUNDLE_NOT_ACTIVE";
        }
        ComponentDescriptionDTO description = find(bundle, pid);
        if (description == null) {
            return "NO_COMPONENT";
        }
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
        if (configurations.stream().anyMatch(c -> c.state == ACTIVE)) {
            return "ACTIVE";
        }
        return configurations.stream().anyMatch(c -> c.state == FAILED_ACTIVATION) ? FAILED : PENDING;
    }

    private ComponentDescriptionDTO find(Bundle bundle, String name) {
        return scr.getComponentDescriptionDTOs(bundle).stream()
                .filter(d -> name.equals(d.name)).findFirst().orElse(null);
    }

    /** One {@code component} record per component of the bundles, with what keeps it from being ACTIVE. */
    void report(Collection<Bundle> bundles, ProbeReport report) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            String bsn = d.bundle == null ? "?" : bundleName(bundles, d.bundle.id);
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            if (!scr.isComponentEnabled(d)) {
                report.add("component", bsn, d.name, "DISABLED");
            } else if (configurations.isEmpty()) {
                report.add("component", bsn, d.name, "NO_CONFIGURATION");
            }
            for (ComponentConfigurationDTO c : configurations) {
                report.add("component", bsn, d.name, stateName(c.state));
                for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                    report.add("unsatisfied", d.name, u.name, interfaceOf(d, u.name), u.target);
                }
                String failure = failure(c);
                if (failure != null) {
                    report.add("failure", d.name, failure);
                }
            }
        }
    }

    private static String bundleName(Collection<Bundle> bundles, long id) {
        return bundles.stream().filter(b -> b.getBundleId() == id).map(Bundle::getSymbolicName)
                .findFirst().orElse("bundle " + id);
    }

    private static String interfaceOf(ComponentDescriptionDTO d, String reference) {
        for (ReferenceDTO r : d.references) {
            if (r.name.equals(reference)) {
                return r.interfaceName;
            }
        }
        return "?";
    }

    /** DS 1.5's ComponentConfigurationDTO.failure (the activation exception), absent on DS 1.4 runtimes. */
    private static String failure(ComponentConfigurationDTO c) {
        try {
            Field field = c.getClass().getField("failure");
            Object value = field.get(c);
            return value == null ? null : withoutStackFrames(value.toString());
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    /** The exception lines of a stack trace ("Caused by: ..." included), without the frames. */
    private static String withoutStackFrames(String trace) {
        return trace.lines().map(String::strip).filter(l -> !l.startsWith("at ") && !l.startsWith("..."))
                .collect(Collectors.joining("\n"));
    }

    static String stateName(int state) {
        switch (state) {
        case 1: return "UNSATISFIED_CONFIGURATION";
        case 2: return "UNSATISFIED_REFERENCE";
        case 4: return "SATISFIED";
        case ACTIVE: return "ACTIVE";
        case FAILED_ACTIVATION: return "FAILED_ACTIVATION";
        default: return "STATE_" + state;
        }
    }
}

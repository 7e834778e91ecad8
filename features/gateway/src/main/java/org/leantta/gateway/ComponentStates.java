package org.leantta.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The state of named DS components, from the Service Component Runtime's DTOs: null when a component is active
 * (or satisfied, waiting to be used), else why it is not, in the operator's words.
 */
final class ComponentStates {
    static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    // ComponentConfigurationDTO's constants (DS 1.3-1.5)
    private static final int UNSATISFIED_CONFIGURATION = 1;
    private static final int UNSATISFIED_REFERENCE = 2;
    private static final int FAILED_ACTIVATION = 16;

    private ComponentStates() {
    }

    /** For each name: null if it runs, else what is wrong ("no such component" when SCR does not know it). */
    static Map<String, String> of(BundleContext ctx, Collection<String> names) {
        Map<String, String> result = Reflect.withService(ctx, SCR, (scr, api) -> states(scr, api, names));
        if (result == null) {
            Map<String, String> none = new LinkedHashMap<>();
            names.forEach(n -> none.put(n, "the Service Component Runtime (Felix SCR) is not running"));
            return none;
        }
        return result;
    }

    private static Map<String, String> states(Object scr, Class<?> api, Collection<String> names) {
        Map<String, String> result = new LinkedHashMap<>();
        names.forEach(n -> result.put(n, "no such component: is the org.leantta.kura bundle started?"));
        for (Object d : (Collection<?>) Reflect.call(scr, api, "getComponentDescriptionDTOs", (Object) new Bundle[0])) {
            String name = (String) Reflect.field(d, "name");
            if (!names.contains(name)) {
                continue;
            }
            boolean enabled = (Boolean) Reflect.call(scr, api, "isComponentEnabled", d);
            Collection<?> configs = (Collection<?>) Reflect.call(scr, api, "getComponentConfigurationDTOs", d);
            result.put(name, !enabled ? "disabled" : configs.isEmpty()
                    ? "no configuration: give one in the snapshot or the web console"
                    : problem(configs.iterator().next()));
        }
        return result;
    }

    private static String problem(Object config) {
        int state = (Integer) Reflect.field(config, "state");
        switch (state) {
            case UNSATISFIED_CONFIGURATION:
                return "waiting for its configuration";
            case UNSATISFIED_REFERENCE:
                List<String> missing = new ArrayList<>();
                for (Object r : (Object[]) Reflect.field(config, "unsatisfiedReferences")) {
                    Object target = Reflect.field(r, "target");
                    missing.add(Reflect.field(r, "name") + (target == null ? "" : " " + target));
                }
                return "waiting for the services it needs: " + String.join(", ", missing);
            case FAILED_ACTIVATION:
                // the failure text exists from DS 1.5 on; Kura 5's SCR implements DS 1.4
                Object failure = Reflect.field(config, "failure");
                return "its activation failed" + (failure == null ? " (the cause is in the log above)" : ": " + failure);
            default:
                return null;
        }
    }
}

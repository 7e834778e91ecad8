package org.leantta.itests;

import java.util.Dictionary;
import java.util.List;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Configuring components and waiting for SCR to activate them, inside the framework under test. */
final class Components {
    private Components() {
    }

    /** Creates the configuration of {@code pid} unless one exists (the framework lives for the whole class). */
    static void configureIfAbsent(ConfigurationAdmin cm, String pid, Dictionary<String, Object> props)
            throws Exception {
        Configuration c = cm.getConfiguration(pid, "?");
        if (c.getProperties() == null) {
            c.update(props);
        }
    }

    /** Waits up to 30 s for the component's configuration to be ACTIVE; fails with its state otherwise. */
    static void awaitActive(ServiceComponentRuntime scr, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            ComponentDescriptionDTO d = description(scr, name);
            List<ComponentConfigurationDTO> configs = d == null ? List.of()
                    : List.copyOf(scr.getComponentConfigurationDTOs(d));
            if (!configs.isEmpty() && configs.get(0).state == ComponentConfigurationDTO.ACTIVE) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(name + " did not become ACTIVE: " + (configs.isEmpty() ? "no configuration"
                        : "state " + configs.get(0).state + failure(configs.get(0))));
            }
            Thread.sleep(50);
        }
    }

    static ComponentDescriptionDTO description(ServiceComponentRuntime scr, String name) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The DS 1.5 failure text; SCR 2.1.16 (Kura 5) implements DS 1.4, whose DTO has no such field. */
    private static String failure(ComponentConfigurationDTO c) {
        try {
            return ", failure " + ComponentConfigurationDTO.class.getField("failure").get(c);
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }
}

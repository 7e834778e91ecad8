package org.leantta.gateway;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The ConfigurationAdmin pid that configures a component: its own (a singleton configuration), else that of its
 * first factory instance (the LeanTTA model is a factory: the shipped snapshot makes the instance leantta-model),
 * else the component's name. The web console edits a configuration under this pid.
 */
final class ConfigurationPids {
    private ConfigurationPids() {
    }

    static String of(ConfigurationAdmin cm, String component) {
        try {
            Configuration[] own = cm.listConfigurations("(service.pid=" + component + ")");
            if (own != null && own.length > 0) {
                return component;
            }
            Configuration[] instances = cm.listConfigurations("(service.factoryPid=" + component + ")");
            return instances == null || instances.length == 0 ? component : instances[0].getPid();
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException e) {
            return component;
        }
    }
}

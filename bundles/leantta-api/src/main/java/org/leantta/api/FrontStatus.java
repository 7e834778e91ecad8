package org.leantta.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state of one way into the gateway (an MQTT bridge, a cloud front): whether it is connected, why not, what
 * configuration it refused, its counters. Each front registers one, so that a status asked through one front also
 * shows the others, and local tools can read a front's state when its own channel is down.
 */
@ProviderType
public interface FrontStatus {
    /**
     * The current state as JSON-friendly values (maps, lists, strings, numbers, booleans); never secrets.
     * Thread-safe, cheap, never throws.
     */
    Map<String, Object> status();
}

package org.leantta.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Operator commands on a running adaptation. */
@ProviderType
public interface AdaptationControl {
    /** Restores the source (training) statistics and clears any adaptation state, of every stream. */
    void reset();

    /**
     * Switches adaptation on or off without interrupting predictions, and records the choice in the
     * component's configuration.
     */
    void setEnabled(boolean enabled);

    /**
     * Restores the previous configuration (the last one that was applied before the current one).
     *
     * @return false if there is no previous configuration
     */
    boolean rollback();

    /**
     * The effective state: configuration, adaptation state and model, as JSON-friendly values
     * (maps, lists, strings, numbers, booleans).
     */
    Map<String, Object> status();
}

package org.leantta.kura;

import java.lang.reflect.Method;
import java.util.Map;
import org.leantta.kura.config.ConfigProxy;

/** Component configurations as SCR builds them: the annotation's defaults, some attributes overridden by id. */
public final class Configs {
    private Configs() {
    }

    /** An instance of a config annotation; {@code overrides} are keyed by attribute id (e.g. "queue.size"). */
    public static <A> A of(Class<A> type, Map<String, Object> overrides) {
        return ConfigProxy.of(type, overrides);
    }

    /** The metatype attribute id of an annotation method: '_' becomes '.'. */
    public static String attributeId(Method m) {
        return ConfigProxy.attributeId(m);
    }
}

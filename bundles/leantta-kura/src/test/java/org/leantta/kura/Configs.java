package org.leantta.kura;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations as SCR builds them: the annotation's defaults, some attributes overridden by id. */
public final class Configs {
    private Configs() {
    }

    /** An instance of a config annotation; {@code overrides} are keyed by attribute id (e.g. "queue.size"). */
    public static <A> A of(Class<A> type, Map<String, Object> overrides) {
        for (String id : overrides.keySet()) {
            try {
                type.getMethod(id.replace('.', '_'));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no attribute " + id + " in " + type.getSimpleName());
            }
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, m, args);
            }
            String id = attributeId(m);
            return overrides.containsKey(id) ? overrides.get(id) : m.getDefaultValue();
        }));
    }

    /** The metatype attribute id of an annotation method: '_' becomes '.'. */
    public static String attributeId(Method m) {
        return m.getName().replace('_', '.');
    }

    private static Object objectMethod(Object proxy, Method m, Object[] args) {
        return switch (m.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "config proxy";
        };
    }
}

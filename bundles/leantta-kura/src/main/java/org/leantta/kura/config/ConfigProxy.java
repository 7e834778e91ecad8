package org.leantta.kura.config;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component configuration built in code as SCR builds it: an instance of the config annotation whose attributes
 * (by metatype id, {@code _} read as {@code .}) come from a property map, the annotation's defaults otherwise.
 * Values are converted to the attribute's type as SCR converts them (numbers and strings to numbers, strings to
 * booleans), so parameters that arrive as Long or String (Kura's inference parameters) configure a component too.
 */
public final class ConfigProxy {
    private ConfigProxy() {
    }

    /**
     * @throws IllegalArgumentException if a key names no attribute of {@code type}, or a value cannot be converted
     */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            Method m = attribute(type, e.getKey());
            if (m == null) {
                throw new IllegalArgumentException("no attribute " + e.getKey() + " in " + type.getSimpleName());
            }
            convert(e.getKey(), e.getValue(), m.getReturnType());
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, m, args);
            }
            String id = attributeId(m);
            return properties.containsKey(id) ? convert(id, properties.get(id), m.getReturnType()) : m.getDefaultValue();
        }));
    }

    /** Whether {@code id} is an attribute of {@code type}. */
    public static boolean has(Class<?> type, String id) {
        return attribute(type, id) != null;
    }

    /** The metatype attribute id of an annotation method: '_' becomes '.'. */
    public static String attributeId(Method m) {
        return m.getName().replace('_', '.');
    }

    private static Method attribute(Class<?> type, String id) {
        try {
            return type.getMethod(id.replace('.', '_'));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static Object convert(String id, Object value, Class<?> to) {
        try {
            if (to == String.class) {
                return String.valueOf(value);
            }
            if (to == boolean.class) {
                return value instanceof Boolean b ? b : parseBoolean(String.valueOf(value));
            }
            Number n = value instanceof Number num ? num : Double.valueOf(String.valueOf(value).strip());
            if (to == int.class) {
                return n.intValue();
            }
            if (to == long.class) {
                return n.longValue();
            }
            if (to == float.class) {
                return n.floatValue();
            }
            if (to == double.class) {
                return n.doubleValue();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + ": expected a number, got '" + value + "'", e);
        }
        throw new IllegalArgumentException(id + ": attributes of type " + to.getSimpleName() + " are not supported");
    }

    private static boolean parseBoolean(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
        };
    }

    private static Object objectMethod(Object proxy, Method m, Object[] args) {
        return switch (m.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "config proxy";
        };
    }
}

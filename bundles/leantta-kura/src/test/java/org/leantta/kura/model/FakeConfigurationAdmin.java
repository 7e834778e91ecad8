package org.leantta.kura.model;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** ConfigurationAdmin holding one configuration in memory: getConfiguration, getProperties and update only. */
final class FakeConfigurationAdmin {
    private volatile Dictionary<String, Object> stored;
    private volatile int updates;

    ConfigurationAdmin service() {
        Configuration configuration = proxy(Configuration.class, (name, args) -> switch (name) {
            case "getProperties" -> stored == null ? null : copy(stored);
            case "update" -> {
                @SuppressWarnings("unchecked")
                Dictionary<String, Object> given = (Dictionary<String, Object>) args[0];
                stored = copy(given);
                updates++;
                yield null;
            }
            // the component calls nothing else: a new call should fail the test, not pass silently
            default -> throw new UnsupportedOperationException("the fake Configuration does not answer " + name);
        });
        return proxy(ConfigurationAdmin.class, (name, args) -> {
            if (name.equals("getConfiguration") && args.length == 2 && LeanTtaModel.PID.equals(args[0])) {
                return configuration;
            }
            throw new UnsupportedOperationException("the fake ConfigurationAdmin answers getConfiguration(PID, \"?\") "
                    + "only, not " + name);
        });
    }

    Dictionary<String, Object> stored() {
        return stored;
    }

    int updates() {
        return updates;
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
        Hashtable<String, Object> c = new Hashtable<>();
        for (var keys = d.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            c.put(k, d.get(k));
        }
        return c;
    }

    private interface Handler {
        Object call(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Handler h) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> "fake " + type.getSimpleName();
                };
            }
            return h.call(m.getName(), args == null ? new Object[0] : args);
        }));
    }
}

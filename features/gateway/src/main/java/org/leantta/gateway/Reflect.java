package org.leantta.gateway;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.BiFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Calls on services whose API this launcher does not share with the framework (SCR, MetaType, the LeanTTA API):
 * the API class is loaded through the bundle that registered the service, and only its public methods and DTO
 * fields are used.
 */
final class Reflect {
    private Reflect() {
    }

    /** Applies {@code f(service, apiClass)} to the first service registered under {@code api}; null if none is. */
    static <T> T withService(BundleContext ctx, String api, BiFunction<Object, Class<?>, T> f) {
        ServiceReference<?>[] refs;
        try {
            refs = ctx.getAllServiceReferences(api, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return null;
        }
        ServiceReference<?> ref = refs[0];
        Object service = ctx.getService(ref);
        if (service == null) {
            return null;
        }
        try {
            return f.apply(service, ref.getBundle().loadClass(api));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(api + " not visible to the bundle that registered it", e);
        } finally {
            ctx.ungetService(ref);
        }
    }

    /** Calls the public method {@code name} of {@code api} with as many arguments as given. */
    static Object call(Object target, Class<?> api, String name, Object... args) {
        for (Method m : api.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(api.getSimpleName() + "." + name + ": " + e.getCause(), e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(api.getName() + " has no method " + name + " with " + args.length
                + " arguments");
    }

    /** A public field of a DTO; null if the class has no such field (an older specification). */
    static Object field(Object dto, String name) {
        try {
            return dto.getClass().getField(name).get(dto);
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

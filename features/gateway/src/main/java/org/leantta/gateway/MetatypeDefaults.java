package org.leantta.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** A pid's attribute defaults as its bundle's MetaType declares them (the components' only defaults). */
final class MetatypeDefaults {
    static final String API = "org.osgi.service.metatype.MetaTypeService";
    private static final int ALL_ATTRIBUTES = -1;

    private MetatypeDefaults() {
    }

    /** The first default value of each attribute; empty when the bundle or its MetaType is not there. */
    static Map<String, String> of(BundleContext ctx, String bundleSymbolicName, String pid) {
        Bundle bundle = null;
        for (Bundle b : ctx.getBundles()) {
            if (bundleSymbolicName.equals(b.getSymbolicName())) {
                bundle = b;
            }
        }
        if (bundle == null) {
            return Map.of();
        }
        Bundle designating = bundle;
        Map<String, String> defaults = Reflect.withService(ctx, API,
                (service, api) -> read(service, api, designating, pid));
        return defaults == null ? Map.of() : defaults;
    }

    private static Map<String, String> read(Object service, Class<?> api, Bundle bundle, String pid) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            ClassLoader loader = api.getClassLoader();
            Class<?> information = loader.loadClass("org.osgi.service.metatype.MetaTypeInformation");
            Class<?> ocdApi = loader.loadClass("org.osgi.service.metatype.ObjectClassDefinition");
            Class<?> adApi = loader.loadClass("org.osgi.service.metatype.AttributeDefinition");
            Object info = Reflect.call(service, api, "getMetaTypeInformation", bundle);
            Object ocd = info == null ? null : Reflect.call(info, information, "getObjectClassDefinition", pid, null);
            Object[] ads = ocd == null ? null
                    : (Object[]) Reflect.call(ocd, ocdApi, "getAttributeDefinitions", ALL_ATTRIBUTES);
            for (Object ad : ads == null ? new Object[0] : ads) {
                String[] values = (String[]) Reflect.call(ad, adApi, "getDefaultValue");
                m.put((String) Reflect.call(ad, adApi, "getID"), values == null || values.length == 0 ? "" : values[0]);
            }
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            return Map.of();
        }
        return m;
    }
}

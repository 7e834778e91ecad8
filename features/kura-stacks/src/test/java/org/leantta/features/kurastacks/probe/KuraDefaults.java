package org.leantta.features.kurastacks.probe;

import java.lang.reflect.Array;
import java.util.Hashtable;

import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The configuration Kura's ConfigurationService creates for a singleton pid from its metatype: every attribute
 * with a non-empty default, typed as its AD says (Kura's Password type as a String), an array when the
 * cardinality is not 0, plus {@code kura.service.pid}.
 */
final class KuraDefaults {

    static final String KURA_SERVICE_PID = "kura.service.pid";

    private KuraDefaults() {
    }

    static Hashtable<String, Object> of(String pid, ObjectClassDefinition ocd) {
        Hashtable<String, Object> properties = new Hashtable<>();
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
            String[] defaults = ad.getDefaultValue();
            if (isEmpty(defaults)) {
                continue; // Kura: an empty default means the key is absent
            }
            properties.put(ad.getID(), ad.getCardinality() == 0
                    ? parse(ad.getType(), defaults[0])
                    : array(ad.getType(), defaults));
        }
        properties.put(KURA_SERVICE_PID, pid);
        return properties;
    }

    private static boolean isEmpty(String[] defaults) {
        return defaults == null || defaults.length == 0 || (defaults.length == 1 && defaults[0].isEmpty());
    }

    private static Object array(int type, String[] values) {
        Object array = Array.newInstance(typeOf(type), values.length);
        for (int i = 0; i < values.length; i++) {
            Array.set(array, i, parse(type, values[i]));
        }
        return array;
    }

    private static Class<?> typeOf(int type) {
        switch (type) {
        case AttributeDefinition.LONG: return Long.class;
        case AttributeDefinition.INTEGER: return Integer.class;
        case AttributeDefinition.SHORT: return Short.class;
        case AttributeDefinition.CHARACTER: return Character.class;
        case AttributeDefinition.BYTE: return Byte.class;
        case AttributeDefinition.DOUBLE: return Double.class;
        case AttributeDefinition.FLOAT: return Float.class;
        case AttributeDefinition.BOOLEAN: return Boolean.class;
        default: return String.class; // STRING and PASSWORD
        }
    }

    private static Object parse(int type, String value) {
        String v = value.trim();
        switch (type) {
        case AttributeDefinition.LONG: return Long.valueOf(v);
        case AttributeDefinition.INTEGER: return Integer.valueOf(v);
        case AttributeDefinition.SHORT: return Short.valueOf(v);
        case AttributeDefinition.CHARACTER: return v.charAt(0);
        case AttributeDefinition.BYTE: return Byte.valueOf(v);
        case AttributeDefinition.DOUBLE: return Double.valueOf(v);
        case AttributeDefinition.FLOAT: return Float.valueOf(v);
        case AttributeDefinition.BOOLEAN: return Boolean.valueOf(v);
        default: return value; // STRING and PASSWORD: as written
        }
    }
}

package org.leantta.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Kura configuration snapshot (DESIGN 6.3) read into ConfigurationAdmin-ready properties: pid to (name to
 * value), in document order. Values get the Java type of their {@code type} attribute; {@code array="true"}
 * gives a boxed array ({@code String[]}, {@code Integer[]}, ... as Kura builds them). Password values stay
 * Strings: off a gateway there is no Kura CryptoService to wrap or decrypt them.
 */
public record KuraSnapshot(Map<String, Map<String, Object>> configurations) {

    /** A snapshot that cannot be used; the message names the source, pid and property. */
    public static final class SnapshotException extends IOException {
        private static final long serialVersionUID = 1L;

        SnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public KuraSnapshot {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        configurations.forEach((pid, props) -> copy.put(pid, Collections.unmodifiableMap(new LinkedHashMap<>(props))));
        configurations = Collections.unmodifiableMap(copy);
    }

    public static KuraSnapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    /** Parses a snapshot; {@code source} only names it in error messages. */
    public static KuraSnapshot parse(InputStream in, String source) throws IOException {
        Document doc;
        try {
            doc = newBuilder().parse(in);
        } catch (SAXException e) {
            throw new SnapshotException(source + ": not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"configurations".equals(localName(root))) {
            throw new SnapshotException(source + ": root element is <" + root.getTagName()
                    + ">, expected <esf:configurations>", null);
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Element configuration : children(root, "configuration")) {
            String pid = configuration.getAttribute("pid").trim();
            if (pid.isEmpty()) {
                throw new SnapshotException(source + ": <esf:configuration> without a pid", null);
            }
            if (result.containsKey(pid)) {
                throw new SnapshotException(source + ": pid '" + pid + "' appears twice", null);
            }
            Map<String, Object> props = new LinkedHashMap<>();
            // Kura also writes <ocd:OCD> here: only <esf:properties> carries values
            for (Element properties : children(configuration, "properties")) {
                for (Element property : children(properties, "property")) {
                    String name = property.getAttribute("name");
                    String where = source + ": pid '" + pid + "', property '" + name + "'";
                    if (name.isEmpty()) {
                        throw new SnapshotException(source + ": pid '" + pid + "': <esf:property> without a name", null);
                    }
                    props.put(name, convert(property, where));
                }
            }
            result.put(pid, props);
        }
        return new KuraSnapshot(result);
    }

    private static Object convert(Element property, String where) throws SnapshotException {
        String type = property.getAttribute("type");
        Type t = Type.of(type);
        if (t == null) {
            throw new SnapshotException(where + ": unknown type '" + type
                    + "' (expected String, Long, Double, Float, Integer, Byte, Char, Boolean, Short or Password)", null);
        }
        List<String> values = new ArrayList<>();
        for (Element value : children(property, "value")) {
            values.add(value.getTextContent());
        }
        boolean array = Boolean.parseBoolean(property.getAttribute("array").trim());
        if (!array) {
            if (values.size() != 1) {
                throw new SnapshotException(where + ": expected exactly one <esf:value>, found " + values.size(), null);
            }
            return t.parse(values.get(0), where);
        }
        Object result = Array.newInstance(t.javaType, values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(result, i, t.parse(values.get(i), where + "[" + i + "]"));
        }
        return result;
    }

    /** Kura's property types and how each text value becomes a Java value. */
    private enum Type {
        STRING("String", String.class, s -> s),
        PASSWORD("Password", String.class, s -> s),
        LONG("Long", Long.class, s -> Long.valueOf(s.trim())),
        DOUBLE("Double", Double.class, s -> Double.valueOf(s.trim())),
        FLOAT("Float", Float.class, s -> Float.valueOf(s.trim())),
        INTEGER("Integer", Integer.class, s -> Integer.valueOf(s.trim())),
        BYTE("Byte", Byte.class, s -> Byte.valueOf(s.trim())),
        SHORT("Short", Short.class, s -> Short.valueOf(s.trim())),
        CHAR("Char", Character.class, Type::parseChar),
        BOOLEAN("Boolean", Boolean.class, Type::parseBoolean);

        final String xmlName;
        final Class<?> javaType;
        private final Function<String, Object> parser;

        Type(String xmlName, Class<?> javaType, Function<String, Object> parser) {
            this.xmlName = xmlName;
            this.javaType = javaType;
            this.parser = parser;
        }

        static Type of(String xmlName) {
            for (Type t : values()) {
                if (t.xmlName.equals(xmlName)) {
                    return t;
                }
            }
            return null;
        }

        Object parse(String text, String where) throws SnapshotException {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw new SnapshotException(where + ": '" + text + "' is not a valid " + xmlName, e);
            }
        }

        private static Object parseChar(String s) {
            // Kura takes the first character; an empty value has none
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return s.charAt(0);
        }

        private static Object parseBoolean(String s) {
            // stricter than Kura's Boolean.parseBoolean, which reads any typo as false
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(s);
            };
        }
    }

    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // the default handler prints "[Fatal Error]" to stderr before throwing
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IOException("no usable XML parser", e);
        }
    }

    /** Child elements by local name: namespace-aware, but prefix and namespace URI are not checked. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}

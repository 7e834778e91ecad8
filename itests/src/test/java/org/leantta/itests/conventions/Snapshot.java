package org.leantta.itests.conventions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.leantta.itests.conventions.Metatype.Ad;
import org.leantta.itests.conventions.Metatype.Ocd;
import org.w3c.dom.Element;

/**
 * A Kura snapshot read the way Kura's own mapper reads it: namespace-unaware, configurations found by the literal
 * tag {@code esf:configuration}, every element child of a configuration read as a list of properties (Kura keeps
 * the last one), values as the text of the property's element children.
 */
record Snapshot(String rootTag, String esfNamespace, String ocdNamespace, List<Configuration> configurations) {
    static final String ESF_NS = "http://eurotech.com/esf/2.0";
    static final String OCD_NS = "http://www.osgi.org/xmlns/metatype/v1.2.0";

    /** @param childTags tags of the configuration's element children (Kura expects one, esf:properties) */
    record Configuration(String pid, List<String> childTags, List<Property> properties) {
    }

    /** One esf:property; an attribute is null when absent. */
    record Property(String tag, String name, String type, String array, String encrypted, List<String> valueTags,
            List<String> values) {
    }

    static Snapshot read(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root;
        try (var in = Files.newInputStream(file)) {
            root = f.newDocumentBuilder().parse(in).getDocumentElement();
        }
        List<Configuration> configurations = new ArrayList<>();
        var nodes = root.getOwnerDocument().getElementsByTagName("esf:configuration");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element c = (Element) nodes.item(i);
            List<Element> children = Metatype.elements(c);
            List<Property> properties = new ArrayList<>();
            if (!children.isEmpty()) {
                for (Element p : Metatype.elements(children.get(children.size() - 1))) {
                    properties.add(property(p));
                }
            }
            configurations.add(new Configuration(c.getAttribute("pid"),
                    children.stream().map(Element::getTagName).toList(), properties));
        }
        return new Snapshot(root.getTagName(), attribute(root, "xmlns:esf"), attribute(root, "xmlns:ocd"),
                configurations);
    }

    private static Property property(Element p) {
        List<Element> values = Metatype.elements(p);
        return new Property(p.getTagName(), attribute(p, "name"), attribute(p, "type"), attribute(p, "array"),
                attribute(p, "encrypted"), values.stream().map(Element::getTagName).toList(),
                values.stream().map(Element::getTextContent).toList());
    }

    private static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** What Kura would reject, drop or misread, checked against the bundle's OCDs (pid to OCD); empty if none. */
    static final String FACTORY_PID = "service.factoryPid";
    /** Properties Kura writes for a factory instance besides its ADs. */
    private static final Set<String> INSTANCE_PROPERTIES = Set.of(FACTORY_PID, "kura.service.pid", "service.pid");

    List<String> violations(Map<String, Ocd> ocds) {
        return violations(ocds, Set.of());
    }

    /** As above; the {@code factories} (pids) need no configuration: a snapshot may hold no instance of them. */
    List<String> violations(Map<String, Ocd> ocds, Set<String> factories) {
        List<String> out = new ArrayList<>();
        if (!rootTag.equals("esf:configurations") || !ESF_NS.equals(esfNamespace) || !OCD_NS.equals(ocdNamespace)) {
            out.add("root is <" + rootTag + " xmlns:esf=\"" + esfNamespace + "\" xmlns:ocd=\"" + ocdNamespace
                    + "\">, expected <esf:configurations xmlns:esf=\"" + ESF_NS + "\" xmlns:ocd=\"" + OCD_NS + "\">");
        }
        if (configurations.isEmpty()) {
            out.add("no <esf:configuration> elements (Kura matches the literal prefix esf:)");
        }
        Set<String> seen = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (Configuration c : configurations) {
            String metatype = factoryPid(c) != null ? factoryPid(c) : c.pid();
            Ocd ocd = ocds.get(metatype);
            used.add(metatype);
            if (!seen.add(c.pid())) {
                out.add("pid '" + c.pid() + "' is configured twice");
            } else if (ocd == null) {
                out.add("pid '" + metatype + "' has no metatype in the bundle (known: " + ocds.keySet() + ")");
            } else {
                checkConfiguration(c, ocd, out);
            }
        }
        ocds.keySet().stream().filter(pid -> !used.contains(pid) && !factories.contains(pid))
                .forEach(pid -> out.add("pid '" + pid + "' of the bundle is not configured"));
        return out;
    }

    /** Kura's mark of a factory instance: its {@value #FACTORY_PID} property names the factory (the metatype). */
    static String factoryPid(Configuration c) {
        return c.properties().stream().filter(p -> FACTORY_PID.equals(p.name())).findFirst()
                .map(p -> p.values().isEmpty() ? null : p.values().get(0)).orElse(null);
    }

    private static void checkConfiguration(Configuration c, Ocd ocd, List<String> out) {
        String pid = c.pid();
        if (!c.childTags().equals(List.of("esf:properties"))) {
            out.add(pid + ": children " + c.childTags() + ", expected one <esf:properties>");
        }
        Set<String> names = new HashSet<>();
        for (Property p : c.properties()) {
            String where = pid + ", property '" + p.name() + "'";
            if (!names.add(p.name())) {
                out.add(where + ": appears twice");
            }
            Ad ad = ocd.ad(String.valueOf(p.name())).orElse(null);
            if (ad == null && INSTANCE_PROPERTIES.contains(p.name())) {
                continue;
            }
            if (ad == null) {
                out.add(where + ": no such AD in the OCD");
                continue;
            }
            checkProperty(where, p, ad, out);
        }
        ocd.ads().stream().filter(ad -> !names.contains(ad.id()))
                .forEach(ad -> out.add(pid + ": AD '" + ad.id() + "' is missing"));
    }

    private static void checkProperty(String where, Property p, Ad ad, List<String> out) {
        if (!p.tag().equals("esf:property") || !p.valueTags().stream().allMatch("esf:value"::equals)) {
            out.add(where + ": element <" + p.tag() + "> with children " + p.valueTags()
                    + ", expected <esf:property> holding <esf:value> elements");
        }
        if (!ad.type().equals(p.type())) {
            out.add(where + ": type '" + p.type() + "', the AD's is '" + ad.type() + "'");
        }
        // Kura makes cardinality 0, 1 and -1 a single value, anything else an array
        boolean multi = ad.cardinality() != null && Math.abs(ad.cardinality()) > 1;
        if (!String.valueOf(multi).equals(p.array())) {
            out.add(where + ": array=\"" + p.array() + "\", expected \"" + multi + "\" (AD cardinality "
                    + ad.cardinality() + ")");
        }
        if (!multi && p.values().size() != 1) {
            out.add(where + ": " + p.values().size() + " values, expected exactly one <esf:value> (Kura reads the "
                    + "first; none fails)");
        } else if (multi && p.values().size() > Math.abs(ad.cardinality())) {
            out.add(where + ": " + p.values().size() + " values, the AD allows " + Math.abs(ad.cardinality()));
        }
        String encrypted = String.valueOf(ad.type().equals("Password"));
        if (!encrypted.equals(p.encrypted())) {
            out.add(where + ": encrypted=\"" + p.encrypted() + "\", Kura writes \"" + encrypted + "\" for a "
                    + ad.type());
        }
        p.values().forEach(v -> AdValues.problems(ad, v).forEach(problem -> out.add(where + ": " + problem)));
    }
}

package org.leantta.itests.conventions;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A metatype file read the way Kura reads it (its own parser, not MetaTypeService): namespace-unaware, elements
 * matched by node name, so a prefixed {@code <metatype:OCD>} is invisible to Kura. A blank attribute counts as
 * absent, as in Kura. {@code namespace} and {@code hiddenElements} come from a second, namespace-aware read.
 *
 * @param namespace      namespace URI of the root element
 * @param rootName       local name of the root element
 * @param hiddenElements metatype elements Kura cannot see (prefixed) or in a foreign namespace, described
 */
record Metatype(String namespace, String rootName, List<Ocd> ocds, List<Designate> designates,
        List<String> hiddenElements) {

    record Ocd(String id, List<Ad> ads) {
        Optional<Ad> ad(String adId) {
            return ads.stream().filter(a -> a.id().equals(adId)).findFirst();
        }
    }

    /**
     * @param type         the type attribute as written ("" when absent)
     * @param cardinality  0 for a single value; the cardinality attribute, or null when it is not an integer
     * @param defaultValue null when absent or blank
     * @param min          null when absent or blank
     * @param max          null when absent or blank
     * @param options      the Option values, empty when the AD has none
     */
    record Ad(String id, String type, Integer cardinality, boolean required, String defaultValue, String min,
            String max, List<String> options) {
    }

    record Designate(String pid, String factoryPid, String ocdref) {
    }

    private static final Set<String> ELEMENTS = Set.of("OCD", "AD", "Option", "Designate", "Object", "Icon");

    static Metatype parse(byte[] xml) {
        Element kuraRoot = document(xml, false).getDocumentElement();
        List<Ocd> ocds = new ArrayList<>();
        List<Designate> designates = new ArrayList<>();
        for (Element e : children(kuraRoot, "OCD")) {
            List<Ad> ads = new ArrayList<>();
            for (Element ad : children(e, "AD")) {
                ads.add(ad(ad));
            }
            ocds.add(new Ocd(attr(e, "id"), List.copyOf(ads)));
        }
        for (Element e : children(kuraRoot, "Designate")) {
            List<Element> objects = children(e, "Object");
            designates.add(new Designate(attr(e, "pid"), attr(e, "factoryPid"),
                    objects.isEmpty() ? null : attr(objects.get(0), "ocdref")));
        }
        Element root = document(xml, true).getDocumentElement();
        List<String> hidden = new ArrayList<>();
        collectHidden(root, root.getNamespaceURI(), hidden);
        return new Metatype(root.getNamespaceURI(), root.getLocalName(), List.copyOf(ocds), List.copyOf(designates),
                List.copyOf(hidden));
    }

    private static Ad ad(Element e) {
        Integer cardinality;
        try {
            String c = e.getAttribute("cardinality").trim();
            cardinality = c.isEmpty() ? 0 : Integer.valueOf(c);
        } catch (NumberFormatException ex) {
            cardinality = null;
        }
        String required = attr(e, "required");
        List<String> options = new ArrayList<>();
        for (Element o : children(e, "Option")) {
            options.add(o.getAttribute("value"));
        }
        return new Ad(attr(e, "id"), e.getAttribute("type"), cardinality,
                required == null || Boolean.parseBoolean(required), attr(e, "default"), attr(e, "min"),
                attr(e, "max"), List.copyOf(options));
    }

    /** Metatype elements must be unprefixed and in no namespace (the schema's local elements) or the root's. */
    private static void collectHidden(Element parent, String metatypeNs, List<String> out) {
        for (Element e : elements(parent)) {
            if (ELEMENTS.contains(e.getLocalName())) {
                if (e.getPrefix() != null) {
                    out.add("<" + e.getTagName() + "> is prefixed: Kura matches the unprefixed name <"
                            + e.getLocalName() + ">");
                } else if (e.getNamespaceURI() != null && !e.getNamespaceURI().equals(metatypeNs)) {
                    out.add("<" + e.getLocalName() + "> is in the namespace " + e.getNamespaceURI()
                            + ", expected none (unqualified) or " + metatypeNs);
                }
            }
            collectHidden(e, metatypeNs, out);
        }
    }

    private static Document document(byte[] xml, boolean namespaceAware) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(namespaceAware);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable XML document: " + e.getMessage(), e);
        }
    }

    /** Child elements whose node name is exactly {@code name}, as Kura's {@code getNodeName().equals(...)}. */
    static List<Element> children(Element parent, String name) {
        return elements(parent).stream().filter(e -> e.getNodeName().equals(name)).toList();
    }

    static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    /** The attribute, or null when absent or blank (Kura ignores blank values). */
    static String attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isBlank() ? null : v;
    }
}

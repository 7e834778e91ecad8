package org.leantta.itests.conventions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.leantta.itests.conventions.Metatype.Ad;
import org.leantta.itests.conventions.Metatype.Designate;
import org.leantta.itests.conventions.Metatype.Ocd;
import org.leantta.testsupport.ManifestHeader;
import org.w3c.dom.Element;

/**
 * Kura's contract for a bundle of configurable components (DESIGN 6.1, 6.2, 6.4), as checks over a built jar.
 * Each check returns its violations, one sentence each naming the file and element; none means it holds.
 */
final class KuraConventions {
    static final String CONFIGURABLE_COMPONENT = "org.eclipse.kura.configuration.ConfigurableComponent";
    static final String METATYPE_DIR = "OSGI-INF/metatype/";
    private static final Pattern UNESCAPED_COMMA = Pattern.compile("(?<!\\\\),");
    private static final Pattern METATYPE_NS = Pattern.compile("http://www\\.osgi\\.org/xmlns/metatype/v1\\.(\\d+)\\.0");

    private KuraConventions() {
    }

    /** Every metatype file of the jar by entry name, parsed as Kura does. */
    static Map<String, Metatype> metatypeFiles(BundleJar jar) {
        Map<String, Metatype> out = new LinkedHashMap<>();
        for (String name : jar.names(METATYPE_DIR + "*.xml")) {
            out.put(name, Metatype.parse(jar.bytes(name)));
        }
        return out;
    }

    /** The OCDs Kura finds: pid (the file name Kura looks up) to OCD, when the file holds one OCD with that id. */
    static Map<String, Ocd> ocdsByPid(BundleJar jar) {
        Map<String, Ocd> out = new LinkedHashMap<>();
        metatypeFiles(jar).forEach((file, m) -> m.ocds().stream()
                .filter(o -> file.equals(METATYPE_DIR + o.id() + ".xml")).findFirst()
                .ifPresent(o -> out.put(o.id(), o)));
        return out;
    }

    /** File name = OCD id + ".xml" = Designate pid + ".xml" = Designate ocdref + ".xml"; one OCD, one Designate. */
    static List<String> metatypeNaming(BundleJar jar) {
        List<String> out = new ArrayList<>();
        metatypeFiles(jar).forEach((file, m) -> {
            String pid = file.substring(METATYPE_DIR.length(), file.length() - ".xml".length());
            if (m.ocds().size() != 1 || m.designates().size() != 1) {
                out.add(file + ": Kura reads " + m.ocds().size() + " <OCD> and " + m.designates().size()
                        + " <Designate> elements, expected one of each");
            }
            for (Ocd o : m.ocds()) {
                if (!pid.equals(o.id())) {
                    out.add(file + ": OCD id '" + o.id() + "' differs from the file name: Kura looks the OCD up by "
                            + "the file name " + METATYPE_DIR + "<pid>.xml");
                }
            }
            for (Designate d : m.designates()) {
                designate(file, pid, d, out);
            }
        });
        if (out.isEmpty() && metatypeFiles(jar).isEmpty()) {
            out.add("no " + METATYPE_DIR + "*.xml in the bundle");
        }
        return out;
    }

    /**
     * A singleton's Designate pid is the file name; a factory's (Kura's wire components, the model) factoryPid is,
     * and its pid, if given, too (Kura matches either).
     */
    private static void designate(String file, String pid, Designate d, List<String> out) {
        if (d.factoryPid() != null && !pid.equals(d.factoryPid())) {
            out.add(file + ": Designate factoryPid '" + d.factoryPid() + "' differs from the file name '" + pid + "'");
        }
        if ((d.factoryPid() == null || d.pid() != null) && !pid.equals(d.pid())) {
            out.add(file + ": Designate pid '" + d.pid() + "' differs from the file name '" + pid + "'");
        }
        if (!pid.equals(d.ocdref())) {
            out.add(file + ": Designate Object ocdref '" + d.ocdref() + "' differs from the OCD id '" + pid + "'");
        }
    }

    /** The factory pids of the metatype files (Designate factoryPid). */
    static List<String> factoryPids(BundleJar jar) {
        List<String> out = new ArrayList<>();
        metatypeFiles(jar).values().forEach(m -> m.designates().stream().map(Designate::factoryPid)
                .filter(java.util.Objects::nonNull).forEach(out::add));
        return out;
    }

    /** Root MetaData in the metatype namespace 1.2.0 or later; OCD, AD, ... unprefixed, as Kura matches them. */
    static List<String> metatypeNamespace(BundleJar jar) {
        List<String> out = new ArrayList<>();
        metatypeFiles(jar).forEach((file, m) -> {
            Matcher v = METATYPE_NS.matcher(String.valueOf(m.namespace()));
            if (!"MetaData".equals(m.rootName()) || !v.matches() || Integer.parseInt(v.group(1)) < 2) {
                out.add(file + ": root is {" + m.namespace() + "}" + m.rootName()
                        + ", expected MetaData in http://www.osgi.org/xmlns/metatype/v1.2.0 or a later 1.x");
            }
            m.hiddenElements().forEach(h -> out.add(file + ": " + h));
        });
        return out;
    }

    /** AD types from Kura's list, cardinalities integers. */
    static List<String> adTypes(BundleJar jar) {
        List<String> out = new ArrayList<>();
        forEachAd(jar, (where, ad) -> {
            if (!AdValues.KURA_TYPES.contains(ad.type())) {
                out.add(where + ": type '" + ad.type() + "' is not one of Kura's " + AdValues.KURA_TYPES);
            }
            if (ad.cardinality() == null) {
                out.add(where + ": cardinality is not an integer");
            }
        });
        return out;
    }

    /**
     * A non-blank default on every AD not marked required="false", every default valid for its AD, no unescaped
     * comma in the default of a single value.
     */
    static List<String> adDefaults(BundleJar jar) {
        List<String> out = new ArrayList<>();
        forEachAd(jar, (where, ad) -> {
            if (ad.defaultValue() == null) {
                if (ad.required()) {
                    out.add(where + ": no default, but required (Kura fails validation of the configuration it "
                            + "creates from the defaults); give a default or required=\"false\"");
                }
                return;
            }
            boolean single = ad.cardinality() != null && Math.abs(ad.cardinality()) <= 1;
            if (single && UNESCAPED_COMMA.matcher(ad.defaultValue()).find()) {
                out.add(where + ": default '" + ad.defaultValue() + "' has a comma: Kura splits every default on "
                        + "commas and keeps the first part of a single value; escape it as \\,");
            }
            List<String> values = single ? List.of(ad.defaultValue())
                    : Arrays.asList(UNESCAPED_COMMA.split(ad.defaultValue()));
            values.forEach(v -> AdValues.problems(ad, v).forEach(p -> out.add(where + ": default " + p)));
        });
        return out;
    }

    /** ADs named like a password are of type Password, and {@code expected} (pid to AD ids) exist as Password. */
    static List<String> passwords(BundleJar jar, Map<String, Set<String>> expected) {
        List<String> out = new ArrayList<>();
        forEachAd(jar, (where, ad) -> {
            if (ad.id().toLowerCase(Locale.ROOT).contains("password") && !ad.type().equals("Password")) {
                out.add(where + ": type " + ad.type() + ", expected Password (Kura masks and encrypts those)");
            }
        });
        Map<String, Ocd> ocds = ocdsByPid(jar);
        expected.forEach((pid, ids) -> ids.forEach(id -> {
            Ocd ocd = ocds.get(pid);
            if (ocd == null || ocd.ad(id).filter(a -> a.type().equals("Password")).isEmpty()) {
                out.add(pid + ": no AD '" + id + "' of type Password");
            }
        }));
        return out;
    }

    /**
     * For each DS component of the Service-Component header: name = a metatype pid = implementation class,
     * configuration-policy="require", provides ConfigurableComponent; and each metatype pid has a component.
     */
    static List<String> components(BundleJar jar) {
        List<String> out = new ArrayList<>();
        Set<String> pids = ocdsByPid(jar).keySet();
        Set<String> names = new HashSet<>();
        String header = jar.header("Service-Component");
        if (header == null) {
            return List.of("the manifest has no Service-Component header");
        }
        for (String path : header.split(",")) {
            for (String file : jar.names(path.trim())) {
                for (Element c : components(jar, file)) {
                    String name = c.getAttribute("name");
                    String where = file + ": component '" + name + "'";
                    names.add(name);
                    if (!pids.contains(name)) {
                        out.add(where + ": no metatype " + METATYPE_DIR + name + ".xml with that OCD id (Kura shows "
                                + "components by pid = component name)");
                    }
                    if (!"require".equals(c.getAttribute("configuration-policy"))) {
                        out.add(where + ": configuration-policy '" + c.getAttribute("configuration-policy")
                                + "', expected 'require' (Kura does not show other components)");
                    }
                    if (!provides(c, CONFIGURABLE_COMPONENT)) {
                        out.add(where + ": does not provide " + CONFIGURABLE_COMPONENT + " (Kura tracks only those)");
                    }
                    String impl = implementation(c);
                    if (!name.equals(impl)) {
                        out.add(where + ": implementation class '" + impl + "' differs from the name (the pid "
                                + "is the fully qualified class name)");
                    }
                }
            }
        }
        pids.stream().filter(p -> !names.contains(p)).forEach(p -> out.add(METATYPE_DIR + p + ".xml: no DS component "
                + "named '" + p + "'"));
        return out;
    }

    /**
     * Kura's API packages are imported with a version range below their next major version: 1.x, except
     * org.eclipse.kura.wire, which Kura exports at 2.0.0 ([2.0,3)).
     */
    static List<String> kuraImports(BundleJar jar) {
        List<String> out = new ArrayList<>();
        for (ManifestHeader.Clause c : ManifestHeader.parse(jar.header("Import-Package"))) {
            for (String pkg : c.names()) {
                if (pkg.equals("org.eclipse.kura") || pkg.startsWith("org.eclipse.kura.")) {
                    boolean wire = pkg.equals("org.eclipse.kura.wire") || pkg.startsWith("org.eclipse.kura.wire.");
                    int major = wire ? 3 : 2;
                    String problem = ManifestHeader.upperBoundProblem(c.attributes().get("version"), major);
                    if (problem != null) {
                        out.add("Import-Package " + pkg + ": " + problem + " (Kura's API package is "
                                + (major - 1) + ".x; a " + major + ".0 would be incompatible)");
                    }
                }
            }
        }
        return out;
    }

    /** What a bundle for Kura may import: what Kura provides (DESIGN 6.4, 6.6) and our own API. */
    static final List<String> ALLOWED_IMPORT_PREFIXES = List.of("org.eclipse.kura.", "org.osgi.", "org.slf4j.",
            "org.leantta.api.", "java.", "javax.");

    /**
     * Import-Package names only Kura's API, OSGi, slf4j (as [1.7,3): Kura 5 has 1.7, Kura 6 2.x), the JDK and
     * org.leantta.api. Kura exports neither Paho (it keeps Paho private) nor ONNX Runtime nor protobuf: such a
     * bundle must embed them privately, or it never resolves on a gateway. JDK internals (sun.misc) only optionally.
     */
    static List<String> allowedImports(BundleJar jar) {
        List<String> out = new ArrayList<>();
        for (ManifestHeader.Clause c : ManifestHeader.parse(jar.header("Import-Package"))) {
            for (String pkg : c.names()) {
                if (pkg.startsWith("sun.")) {
                    if (!"optional".equals(c.directives().get("resolution"))) {
                        out.add("Import-Package " + pkg + ": a JDK internal, import it with resolution:=optional");
                    }
                } else if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(
                        p -> pkg.startsWith(p) || pkg.equals(p.substring(0, p.length() - 1)))) {
                    out.add("Import-Package " + pkg + ": not provided by Kura; embed it privately (only "
                            + "org.eclipse.kura.*, org.osgi.*, org.slf4j, java.*, javax.* and org.leantta.api)");
                } else if ((pkg.equals("org.slf4j") || pkg.startsWith("org.slf4j."))
                        && !"[1.7,3)".equals(c.attributes().get("version"))) {
                    out.add("Import-Package " + pkg + ": version " + c.attributes().get("version")
                            + ", expected [1.7,3) (Kura 5 provides slf4j 1.7, Kura 6 slf4j 2)");
                }
            }
        }
        return out;
    }

    private interface AdVisitor {
        void visit(String where, Ad ad);
    }

    private static void forEachAd(BundleJar jar, AdVisitor v) {
        metatypeFiles(jar).forEach((file, m) -> m.ocds().forEach(o -> o.ads().forEach(
                ad -> v.visit(file + ": AD '" + ad.id() + "'", ad))));
    }

    private static List<Element> components(BundleJar jar, String file) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            root = f.newDocumentBuilder().parse(jar.open(file)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException(file + ": not readable XML: " + e.getMessage(), e);
        }
        if ("component".equals(root.getLocalName())) {
            return List.of(root);
        }
        return Metatype.elements(root).stream().filter(e -> "component".equals(e.getLocalName())).toList();
    }

    private static boolean provides(Element component, String iface) {
        return child(component, "service").stream().flatMap(s -> child(s, "provide").stream())
                .anyMatch(p -> iface.equals(p.getAttribute("interface")));
    }

    private static String implementation(Element component) {
        List<Element> impl = child(component, "implementation");
        return impl.isEmpty() ? null : impl.get(0).getAttribute("class");
    }

    private static List<Element> child(Element parent, String localName) {
        return Metatype.elements(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }
}

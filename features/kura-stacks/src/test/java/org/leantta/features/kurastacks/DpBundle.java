package org.leantta.features.kurastacks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One bundle of the deployment package, read from its jar: its name, whether it is a fragment, the DS
 * components it declares and the singleton pids its metatype designates (the configurations Kura creates).
 */
record DpBundle(Path file, String symbolicName, String version, boolean fragment, List<String> components,
        List<String> designatedPids) {

    static DpBundle read(Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            String bsn = main.getValue("Bundle-SymbolicName").split(";", 2)[0].trim();
            List<String> components = new ArrayList<>();
            List<String> pids = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (isComponentXml(main.getValue("Service-Component"), name)) {
                    components.addAll(attributes(jar, name, "component", "name", null));
                } else if (name.startsWith("OSGI-INF/metatype/") && name.endsWith(".xml")) {
                    pids.addAll(attributes(jar, name, "Designate", "pid", "factoryPid"));
                    pids.addAll(attributes(jar, name, "Designate", "factoryPid", null));
                }
            }
            return new DpBundle(file, bsn, main.getValue("Bundle-Version"), main.getValue("Fragment-Host") != null,
                    List.copyOf(components), List.copyOf(pids));
        }
    }

    /** A Service-Component header lists paths, possibly with a '*' in the last segment. */
    private static boolean isComponentXml(String header, String entry) {
        if (header == null) {
            return false;
        }
        for (String path : header.split(",")) {
            String regex = java.util.regex.Pattern.quote(path.trim()).replace("*", "\\E[^/]*\\Q");
            if (entry.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code attribute} of every element named {@code element} (any namespace prefix), skipping elements
     * that carry {@code unless} (a Designate with a factoryPid is a factory, not a singleton).
     */
    private static List<String> attributes(JarFile jar, String entry, String element, String attribute,
            String unless) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", element);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (!e.getAttribute(attribute).isEmpty() && (unless == null || e.getAttribute(unless).isEmpty())) {
                    values.add(e.getAttribute(attribute));
                }
            }
            return values;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("cannot parse " + entry + " in " + jar.getName(), e);
        }
    }
}

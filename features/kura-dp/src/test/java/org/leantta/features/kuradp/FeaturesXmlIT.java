package org.leantta.features.kuradp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the generated Karaf features repository (system property {@code leantta.features.file}): one feature
 * {@code leantta-<platform>} per deployment package, each needing Karaf's {@code scr} and listing the same
 * LeanTTA bundles as that platform's .dp, plus the Kura API stand-in (which only the Karaf side may carry, as
 * nothing else provides the Kura API there); no Paho bundle (org.leantta.kura embeds Paho).
 */
class FeaturesXmlIT {

    @Test
    void oneFeaturePerPlatformWithThatPackagesBundlesAndScr() throws Exception {
        Path file = Paths.get(System.getProperty("leantta.features.file", ""));
        String version = System.getProperty("leantta.version");
        assertThat(file).as("features.xml").isRegularFile();
        assertThat(version).as("system property leantta.version").isNotBlank();

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(file.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("features");
        assertThat(root.getNamespaceURI()).startsWith("http://karaf.apache.org/xmlns/features/");
        assertThat(root.getAttribute("name")).isEqualTo("leantta-" + version);

        Map<String, Element> features = new TreeMap<>();
        for (Element f : children(root, "feature")) {
            features.put(f.getAttribute("name"), f);
        }
        List<DeploymentPackageIT.Platform> platforms = DeploymentPackageIT.platforms().toList();
        assertThat(features.keySet()).as("features")
                .containsExactlyInAnyOrderElementsOf(platforms.stream().map(p -> "leantta-" + p.name()).toList());

        for (DeploymentPackageIT.Platform p : platforms) {
            Element feature = features.get("leantta-" + p.name());
            assertThat(feature.getAttribute("version")).isEqualTo(version);

            List<String> required = new ArrayList<>();
            for (Element f : children(feature, "feature")) {
                required.add(f.getTextContent().trim());
            }
            assertThat(required).as("required features of %s", p).contains("scr");

            List<String> bundles = new ArrayList<>();
            for (Element b : children(feature, "bundle")) {
                bundles.add(b.getTextContent().trim());
            }
            System.out.println("[features] leantta-" + p + ": features " + required + ", bundles " + bundles);
            assertThat(bundles).as("no unfiltered placeholders").noneMatch(b -> b.contains("${"));
            assertThat(bundles).as("Paho is embedded in org.leantta.kura").noneMatch(b -> b.contains("paho"));
            assertThat(bundles).as("the Kura API stand-in (outside Kura nothing else provides the Kura API)")
                    .contains("mvn:org.leantta/kura-api-subset/" + version);

            // the LeanTTA bundles must be those of the .dp (artifact leantta-x-y has symbolic name org.leantta.x.y)
            Set<String> leantta = new TreeSet<>();
            for (String b : bundles) {
                if (b.startsWith("mvn:org.leantta/")) {
                    String[] gav = b.substring("mvn:".length()).split("/");
                    assertThat(gav).as("mvn url %s", b).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(gav[2]).as("version of %s", b).isEqualTo(version);
                    if (!gav[1].equals("kura-api-subset")) {
                        leantta.add("org." + gav[1].replace('-', '.'));
                    }
                }
            }
            assertThat(leantta).as("LeanTTA bundles in the feature vs. in the %s .dp", p)
                    .containsExactlyElementsOf(p.bundles());
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element && localName.equals(n.getLocalName())) {
                out.add((Element) n);
            }
        }
        return out;
    }
}

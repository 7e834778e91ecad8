package org.leantta.features.kuradp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the generated Karaf features repository (system property {@code leantta.features.file}): a feature
 * {@code leantta} that needs Karaf's {@code scr}, brings Paho, and lists the same LeanTTA bundles as the .dp
 * (plus the Kura API stand-in, which only the Karaf side may carry).
 */
class FeaturesXmlIT {

    @Test
    void leanttaFeatureListsOurBundlesPahoAndScr() throws Exception {
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

        Element feature = null;
        for (Element f : children(root, "feature")) {
            if ("leantta".equals(f.getAttribute("name"))) {
                feature = f;
            }
        }
        assertThat(feature).as("feature 'leantta'").isNotNull();
        assertThat(feature.getAttribute("version")).isEqualTo(version);

        List<String> features = new ArrayList<>();
        for (Element f : children(feature, "feature")) {
            features.add(f.getTextContent().trim());
        }
        assertThat(features).as("required features").contains("scr");

        List<String> bundles = new ArrayList<>();
        for (Element b : children(feature, "bundle")) {
            bundles.add(b.getTextContent().trim());
        }
        System.out.println("[features] leantta: features " + features + ", bundles " + bundles);
        assertThat(bundles).as("no unfiltered placeholders").noneMatch(b -> b.contains("${"));
        assertThat(bundles).as("Paho MQTT client")
                .contains("mvn:org.eclipse.paho/org.eclipse.paho.client.mqttv3/" + System.getProperty("leantta.paho.version"));

        // the LeanTTA bundles must be those of the .dp (artifact leantta-x has symbolic name org.leantta.x)
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
        assertThat(leantta).as("LeanTTA bundles in the feature vs. in the .dp")
                .containsExactlyElementsOf(DeploymentPackageIT.expectedBundles());
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

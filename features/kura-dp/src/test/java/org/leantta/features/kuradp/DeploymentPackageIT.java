package org.leantta.features.kuradp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged Kura deployment package (run by failsafe after {@code package}; the path comes from the
 * system property {@code leantta.dp.file}). Kura provides its own API bundle and Paho: a .dp that carried
 * either, or our stand-in for Kura's API, would replace or clash with Kura's on a gateway.
 */
class DeploymentPackageIT {

    private static final Set<String> FORBIDDEN_BSN = Set.of("org.leantta.kura.api.subset");

    private static Path dp;

    @BeforeAll
    static void locate() {
        String file = System.getProperty("leantta.dp.file");
        assertThat(file).as("system property leantta.dp.file").isNotBlank();
        dp = Paths.get(file);
        assertThat(dp).as("deployment package").isRegularFile();
    }

    @Test
    void mainManifestIdentifiesTheDeploymentPackage() throws IOException {
        try (JarFile jar = new JarFile(dp.toFile())) {
            Manifest mf = jar.getManifest();
            assertThat(mf).as("META-INF/MANIFEST.MF of %s", dp).isNotNull();
            Attributes main = mf.getMainAttributes();
            System.out.println("[dp] " + dp.getFileName());
            main.forEach((k, v) -> System.out.println("[dp]   " + k + ": " + v));
            assertThat(main.getValue("DeploymentPackage-SymbolicName")).isNotBlank();
            assertThat(main.getValue("DeploymentPackage-Version"))
                    .as("DeploymentPackage-Version must be an OSGi version")
                    .matches("\\d+(\\.\\d+(\\.\\d+(\\.[A-Za-z0-9_-]+)?)?)?");
        }
    }

    @Test
    void holdsExactlyOurBundlesWithMatchingManifestSections() throws IOException {
        Set<String> expected = expectedBundles();
        assertThat(expected).as("system property leantta.dp.expected.bundles").isNotEmpty();

        try (JarFile jar = new JarFile(dp.toFile())) {
            Map<String, Attributes> sections = new TreeMap<>(jar.getManifest().getEntries());
            List<String> resources = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                    resources.add(entry.getName());
                }
            }
            System.out.println("[dp] entries: " + resources);

            // one manifest section per resource and one resource per section
            assertThat(sections.keySet()).as("manifest sections").containsExactlyInAnyOrderElementsOf(resources);

            Set<String> bsns = new TreeSet<>();
            for (Map.Entry<String, Attributes> section : sections.entrySet()) {
                String name = section.getKey();
                String bsn = section.getValue().getValue("Bundle-SymbolicName");
                String version = section.getValue().getValue("Bundle-Version");
                System.out.println("[dp] section Name: " + name + " | Bundle-SymbolicName: " + bsn
                        + " | Bundle-Version: " + version);
                assertThat(name).as("resource name").endsWith(".jar");
                assertThat(bsn).as("Bundle-SymbolicName of section %s", name).isNotBlank();
                assertThat(version).as("Bundle-Version of section %s", name).isNotBlank();
                assertAllowed(name, bsn);

                Manifest embedded = embeddedManifest(jar, name);
                assertThat(embedded).as("manifest of embedded %s", name).isNotNull();
                String ownBsn = embedded.getMainAttributes().getValue("Bundle-SymbolicName");
                assertThat(ownBsn).as("Bundle-SymbolicName inside %s", name).isNotNull();
                assertThat(ownBsn.split(";", 2)[0].trim()).as("Bundle-SymbolicName of %s", name).isEqualTo(bsn);
                assertThat(embedded.getMainAttributes().getValue("Bundle-Version"))
                        .as("Bundle-Version of %s", name).isEqualTo(version);
                assertNoKuraOrPahoClasses(jar, name);
                bsns.add(bsn);
            }
            assertThat(bsns).as("bundles in the deployment package").containsExactlyElementsOf(expected);
        }
    }

    private static void assertAllowed(String name, String bsn) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        String lowerBsn = bsn.toLowerCase(Locale.ROOT);
        assertThat(bsn).as("Kura's own bundles must not be in the .dp").doesNotStartWith("org.eclipse.kura");
        assertThat(FORBIDDEN_BSN).as("the Kura API stand-in must not be in the .dp").doesNotContain(bsn);
        assertThat(lowerName).as("resource name").doesNotContain("kura-api-subset").doesNotContain("paho");
        assertThat(lowerBsn).as("Kura provides Paho: it must not be in the .dp").doesNotContain("paho");
    }

    /** Also catch Kura API or Paho classes embedded inside one of our bundles. */
    private static void assertNoKuraOrPahoClasses(JarFile dpJar, String name) throws IOException {
        List<String> offending = new ArrayList<>();
        try (InputStream in = dpJar.getInputStream(dpJar.getEntry(name));
                JarInputStream bundle = new JarInputStream(in)) {
            for (JarEntry e = bundle.getNextJarEntry(); e != null; e = bundle.getNextJarEntry()) {
                String n = e.getName();
                if (n.startsWith("org/eclipse/kura/") || n.startsWith("org/eclipse/paho/")) {
                    offending.add(n);
                }
            }
        }
        assertThat(offending).as("Kura or Paho classes embedded in %s", name).isEmpty();
    }

    private static Manifest embeddedManifest(JarFile dpJar, String name) throws IOException {
        JarEntry entry = dpJar.getJarEntry(name);
        assertThat(entry).as("entry %s", name).isNotNull();
        // JarInputStream only finds a manifest stored first; copy out and use JarFile to be independent of order
        Path tmp = Files.createTempFile("leantta-dp-", ".jar");
        try {
            try (InputStream in = dpJar.getInputStream(entry)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (JarFile bundle = new JarFile(tmp.toFile())) {
                return bundle.getManifest();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Set<String> expectedBundles() {
        return Arrays.stream(System.getProperty("leantta.dp.expected.bundles", "").split("\\s*,\\s*"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

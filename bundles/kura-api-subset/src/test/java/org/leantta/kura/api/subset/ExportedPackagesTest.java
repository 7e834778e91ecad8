package org.leantta.kura.api.subset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.eclipse.kura.KuraException;
import org.junit.jupiter.api.Test;

/**
 * The manifest bnd made for this bundle exports exactly the Kura API packages of the stand-in, each at the version
 * Kura 5.4–5.6's {@code org.eclipse.kura.api} exports it, and imports Wire Admin as Kura's bundle does.
 */
class ExportedPackagesTest {

    /** Package to version, as in Kura 5.4–5.6's API bundle manifest. */
    private static final Map<String, String> KURA_5_4 = kura54();

    private static Map<String, String> kura54() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("org.eclipse.kura", "1.7.0");
        m.put("org.eclipse.kura.configuration", "1.2.0");
        m.put("org.eclipse.kura.configuration.metatype", "1.1.0");
        m.put("org.eclipse.kura.crypto", "1.3.0");
        m.put("org.eclipse.kura.cloudconnection", "1.0.0");
        m.put("org.eclipse.kura.cloudconnection.publisher", "1.0.0");
        m.put("org.eclipse.kura.cloudconnection.subscriber", "1.0.0");
        m.put("org.eclipse.kura.cloudconnection.subscriber.listener", "1.0.0");
        m.put("org.eclipse.kura.cloudconnection.listener", "1.0.0");
        m.put("org.eclipse.kura.cloudconnection.message", "1.0.0");
        m.put("org.eclipse.kura.cloudconnection.request", "1.0.0");
        m.put("org.eclipse.kura.message", "1.5.0");
        m.put("org.eclipse.kura.ai.inference", "1.0.0");
        m.put("org.eclipse.kura.type", "1.1.0");
        m.put("org.eclipse.kura.wire", "2.0.0");
        m.put("org.eclipse.kura.annotation", "1.0.0");
        return m;
    }

    @Test
    void exportsExactlyKurasPackagesAtKurasVersions() throws Exception {
        // given
        Manifest manifest = builtManifest();

        // when
        Map<String, String> exported = new LinkedHashMap<>();
        for (String clause : clauses(manifest.getMainAttributes().getValue("Export-Package"))) {
            exported.put(name(clause), attribute(clause, "version"));
        }

        // then
        assertThat(exported).containsExactlyInAnyOrderEntriesOf(KURA_5_4);
    }

    @Test
    void importsWireAdminAndTheFrameworkAsKurasBundleAllows() throws Exception {
        // given
        Manifest manifest = builtManifest();

        // when
        Map<String, String> imports = new LinkedHashMap<>();
        for (String clause : clauses(manifest.getMainAttributes().getValue("Import-Package"))) {
            imports.put(name(clause), attribute(clause, "version"));
        }

        // then
        assertThat(imports).containsEntry("org.osgi.service.wireadmin", "[1.0,2)")
                .containsEntry("org.osgi.framework", "[1.5,2)");
    }

    /** The manifest bnd wrote next to the compiled classes (before packaging, so unit tests can read it). */
    private static Manifest builtManifest() throws IOException, URISyntaxException {
        Path classes = Path.of(KuraException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** Splits an OSGi header at the commas that are not inside quotes. */
    private static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().trim());
        return out;
    }

    private static String name(String clause) {
        int semicolon = clause.indexOf(';');
        return semicolon < 0 ? clause : clause.substring(0, semicolon);
    }

    private static String attribute(String clause, String key) {
        for (String part : clause.split(";")) {
            String p = part.trim();
            if (p.startsWith(key + "=")) {
                return p.substring(key.length() + 1).replace("\"", "");
            }
        }
        return null;
    }
}

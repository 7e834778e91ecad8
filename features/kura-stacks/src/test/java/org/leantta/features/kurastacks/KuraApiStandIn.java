package org.leantta.features.kurastacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.leantta.testsupport.ManifestHeader;

/** The stand-in for Kura's org.eclipse.kura.api bundle, and copies of it with other package versions. */
final class KuraApiStandIn {

    private KuraApiStandIn() {
    }

    static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";", 2)[0].trim();
        }
    }

    /**
     * A copy of {@code jar} whose Export-Package gives the listed packages the listed versions (packages it does
     * not export are left out: the export check then reports them missing).
     */
    static Path withExportVersions(Path jar, Map<String, String> versions, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        try (JarFile in = new JarFile(jar.toFile());
                OutputStream out = Files.newOutputStream(copy);
                JarOutputStream target = new JarOutputStream(out, rewritten(in.getManifest(), versions))) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue; // written by JarOutputStream
                }
                target.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(target);
                }
                target.closeEntry();
            }
        }
        return copy;
    }

    private static Manifest rewritten(Manifest original, Map<String, String> versions) {
        Manifest manifest = new Manifest(original);
        Attributes main = manifest.getMainAttributes();
        List<String> clauses = new ArrayList<>();
        for (String clause : ManifestHeader.split(main.getValue("Export-Package"), ',')) {
            List<String> parts = ManifestHeader.split(clause, ';');
            String version = versions.get(parts.get(0).trim());
            clauses.add(version == null ? clause : withVersion(parts, version));
        }
        if (!clauses.isEmpty()) {
            main.putValue("Export-Package", String.join(",", clauses));
        }
        return manifest;
    }

    private static String withVersion(List<String> parts, String version) {
        if (parts.size() > 1 && !parts.get(1).contains("=")) {
            throw new IllegalArgumentException("one package per Export-Package clause expected: " + parts);
        }
        List<String> out = new ArrayList<>();
        out.add(parts.get(0).trim());
        for (String parameter : parts.subList(1, parts.size())) {
            String name = parameter.split("[:=]", 2)[0].trim();
            if (!name.equals("version")) {
                out.add(parameter.trim());
            }
        }
        out.add("version=\"" + version + "\"");
        return String.join(";", out);
    }
}

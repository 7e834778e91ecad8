package org.leantta.features.kurastacks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.leantta.features.kurastacks.probe.StackProbe;

/**
 * Writes the probe bundle: the compiled classes of the probe package and a hand-written manifest whose
 * imports both stacks satisfy (Felix SCR 2.1.16 exports the DS 1.4 runtime API, the org.osgi.service.component
 * 1.5.1 bundle the DS 1.5 one; Felix MetaType 1.2.4 exports MetaType 1.4; Felix ConfigAdmin 1.9.26 cm 1.6).
 */
final class ProbeBundle {

    static final String SYMBOLIC_NAME = "org.leantta.kurastacks.probe";

    private static final String IMPORTS = String.join(",",
            "org.osgi.framework;version=\"[1.8,2)\"",
            "org.osgi.framework.namespace;version=\"[1.1,2)\"",
            "org.osgi.framework.wiring;version=\"[1.2,2)\"",
            "org.osgi.resource;version=\"[1.0,2)\"",
            "org.osgi.dto;version=\"[1.0,2)\"",
            "org.osgi.framework.dto;version=\"[1.8,2)\"",
            "org.osgi.util.tracker;version=\"[1.5,2)\"",
            "org.osgi.service.cm;version=\"[1.5,2)\"",
            "org.osgi.service.metatype;version=\"[1.2,2)\"",
            "org.osgi.service.component.runtime;version=\"[1.3,2)\"",
            "org.osgi.service.component.runtime.dto;version=\"[1.3,2)\"",
            // the test double of Kura's WireHelperService that the probe registers for the Wire component
            "org.eclipse.kura.wire;version=\"[2.0,3)\"",
            "org.osgi.service.wireadmin;version=\"[1.0,2)\"");

    private ProbeBundle() {
    }

    static Path write(Path jar) throws IOException {
        Path classes = classesRoot();
        String packagePath = StackProbe.class.getPackageName().replace('.', '/');
        List<Path> files;
        try (Stream<Path> list = Files.list(classes.resolve(packagePath))) {
            files = list.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream target = new JarOutputStream(out, manifest())) {
            for (Path file : files) {
                target.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
                target.write(Files.readAllBytes(file));
                target.closeEntry();
            }
        }
        return jar;
    }

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", StackProbe.class.getName());
        main.putValue("Import-Package", IMPORTS);
        return manifest;
    }

    private static Path classesRoot() throws IOException {
        try {
            return Path.of(StackProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}

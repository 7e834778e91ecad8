package org.leantta.features.kurastacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OSGi stacks of the Kura releases we support, as measured on Kura itself. The versions here are Kura's
 * facts, deliberately not taken from the pom: the test fails if the copied stack drifts from them.
 */
enum KuraStack {

    KURA5("Kura 5.4-5.6", "kura5", "3.16.0", "2.1.16", Map.of()),
    // Kura 6 exports two packages at newer versions; the stand-in is copied with these versions for resolution
    // only (its classes stay those of the Kura 5 API)
    KURA6("Kura 6", "kura6", "3.21.0", "2.2.12",
            Map.of("org.eclipse.kura.crypto", "1.4.0", "org.eclipse.kura.ai.inference", "1.1.0"));

    /** Packages and versions exported by Kura 5.4-5.6's org.eclipse.kura.api bundle. */
    static final Map<String, String> KURA5_API_EXPORTS = kura5ApiExports();

    /** Kura's API bundle may export this package too; the stand-in need not. */
    static final String OPTIONAL_API_EXPORT = "org.eclipse.kura.configuration.metatype";

    final String title;
    final String directory;
    final String equinoxVersion;
    final String scrVersion;
    final Map<String, String> apiVersionChanges;

    KuraStack(String title, String directory, String equinoxVersion, String scrVersion,
            Map<String, String> apiVersionChanges) {
        this.title = title;
        this.directory = directory;
        this.equinoxVersion = equinoxVersion;
        this.scrVersion = scrVersion;
        this.apiVersionChanges = apiVersionChanges;
    }

    Map<String, String> expectedApiExports() {
        Map<String, String> expected = new LinkedHashMap<>(KURA5_API_EXPORTS);
        expected.putAll(apiVersionChanges);
        return expected;
    }

    /** The framework jar copied for this stack. */
    Path equinox(Path stacksDir) throws IOException {
        List<Path> found = jars(stacksDir, true);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one org.eclipse.osgi jar in " + stacksDir.resolve(directory)
                    + ", found " + found);
        }
        return found.get(0);
    }

    /** Every other jar copied for this stack: the bundles to install. */
    List<Path> bundles(Path stacksDir) throws IOException {
        return jars(stacksDir, false);
    }

    private List<Path> jars(Path stacksDir, boolean framework) throws IOException {
        try (Stream<Path> files = Files.list(stacksDir.resolve(directory))) {
            return files.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> p.getFileName().toString().startsWith("org.eclipse.osgi-") == framework)
                    .sorted().collect(Collectors.toList());
        }
    }

    private static Map<String, String> kura5ApiExports() {
        Map<String, String> exports = new LinkedHashMap<>();
        exports.put("org.eclipse.kura", "1.7.0");
        exports.put("org.eclipse.kura.configuration", "1.2.0");
        exports.put("org.eclipse.kura.crypto", "1.3.0");
        for (String p : List.of("", ".publisher", ".subscriber", ".subscriber.listener", ".listener", ".message",
                ".request")) {
            exports.put("org.eclipse.kura.cloudconnection" + p, "1.0.0");
        }
        exports.put("org.eclipse.kura.message", "1.5.0");
        exports.put("org.eclipse.kura.ai.inference", "1.0.0");
        exports.put("org.eclipse.kura.type", "1.1.0");
        exports.put("org.eclipse.kura.wire", "2.0.0");
        exports.put("org.eclipse.kura.annotation", "1.0.0");
        return Collections.unmodifiableMap(exports);
    }

    @Override
    public String toString() {
        return title;
    }
}

package org.leantta.features.kuradp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks each packaged Kura deployment package (run by failsafe after {@code package}; files and expectations
 * come from system properties set in pom.xml): its manifest, exactly the platform's bundles, its size, only that
 * platform's native library, and the imports of every bundle in it (Kura exports neither Paho nor ONNX Runtime
 * nor protobuf, so a bundle that imported them would never resolve on a gateway). The checks themselves are
 * {@link PackageChecks}; the last tests show that each of them fails on a bad input.
 */
class DeploymentPackageIT {

    static final String HOST = "org.leantta.kura";
    static final String SUBSET = "org.leantta.kura.api.subset";

    /** Equinox 3.16 and 3.24's osgi.native capability on each platform (measured; 3.24 adds arm64). */
    static final Map<String, List<Map<String, Object>>> NATIVE_CAPABILITIES = Map.of(
            "linux-x86_64", List.of(Map.of("osgi.native.osname", List.of("Linux"),
                    "osgi.native.processor", List.of("x86-64", "amd64", "em64t", "x86_64"))),
            "linux-aarch64", List.of(
                    Map.of("osgi.native.osname", List.of("Linux"), "osgi.native.processor", List.of("aarch64")),
                    Map.of("osgi.native.osname", List.of("Linux"), "osgi.native.processor",
                            List.of("aarch64", "arm64"))));

    /** A platform's package and what it must hold. */
    record Platform(String name, Path file, String symbolicName, Set<String> bundles) {
        /** ONNX Runtime's directory name for the platform. */
        String ortDir() {
            return name.equals("linux-x86_64") ? "linux-x64" : name;
        }

        /** ELF e_machine of the platform: EM_X86_64 or EM_AARCH64. */
        int elfMachine() {
            return name.equals("linux-x86_64") ? 62 : 183;
        }

        String fragment() {
            return HOST + ".native." + name.replace('-', '.');
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A bundle inside a package: its entry name, manifest, entry names and the first bytes of its .so files. */
    record Bundle(String entry, Attributes manifest, List<String> entries, Map<String, byte[]> soHeads) {
        String bsn() {
            return manifest.getValue("Bundle-SymbolicName").split(";", 2)[0].trim();
        }
    }

    static Stream<Platform> platforms() {
        String list = required("leantta.dp.platforms");
        return Arrays.stream(list.split("\\s*,\\s*")).map(p -> new Platform(p,
                Paths.get(required("leantta.dp." + p + ".file")), required("leantta.dp." + p + ".name"),
                names(required("leantta.dp." + p + ".bundles"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void manifestIdentifiesThePackage(Platform p) throws IOException {
        assertThat(p.file()).as("deployment package for %s", p).isRegularFile();
        try (JarFile jar = new JarFile(p.file().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            System.out.println("[dp] " + p.file().getFileName());
            main.forEach((k, v) -> System.out.println("[dp]   " + k + ": " + v));
            assertThat(main.getValue("DeploymentPackage-SymbolicName")).isEqualTo(p.symbolicName());
            String version = required("leantta.version");
            String base = version.replace("-SNAPSHOT", "");
            assertThat(main.getValue("DeploymentPackage-Version"))
                    .as("DeploymentPackage-Version: the OSGi form of %s", version)
                    .matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?")
                    .startsWith(base);
            // the manifest must be the first entry of a deployment package
            assertThat(jar.stream().map(JarEntry::getName).findFirst()).contains(JarFile.MANIFEST_NAME);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void holdsExactlyThePlatformsBundlesWithMatchingSections(Platform p) throws IOException {
        try (JarFile jar = new JarFile(p.file().toFile())) {
            Map<String, Attributes> sections = jar.getManifest().getEntries();
            List<String> resources = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (!n.endsWith("/") && !n.startsWith("META-INF/")) {
                    resources.add(n);
                }
            }
            // one Name: section per resource and one resource per section, in the same order
            assertThat(sections.keySet()).as("manifest sections of %s", p).containsExactlyInAnyOrderElementsOf(resources);
            assertThat(sectionNamesInOrder(jar)).as("order of the manifest sections of %s", p)
                    .containsExactlyElementsOf(resources);

            Set<String> bsns = new TreeSet<>();
            for (Bundle b : bundles(jar)) {
                Attributes section = sections.get(b.entry());
                System.out.println("[dp] " + p + ": Name: " + b.entry() + " | Bundle-SymbolicName: "
                        + section.getValue("Bundle-SymbolicName") + " | Bundle-Version: "
                        + section.getValue("Bundle-Version"));
                assertThat(b.entry()).endsWith(".jar");
                assertThat(section.getValue("Bundle-SymbolicName")).as("section %s", b.entry()).isEqualTo(b.bsn());
                assertThat(section.getValue("Bundle-Version")).as("section %s", b.entry())
                        .isEqualTo(b.manifest().getValue("Bundle-Version"));
                assertThat(b.bsn()).as("Kura's own bundles must not be in the package").doesNotStartWith("org.eclipse.");
                assertThat(b.bsn()).as("the Kura API stand-in must not be in the package").isNotEqualTo(SUBSET);
                assertThat(b.bsn().toLowerCase(Locale.ROOT)).as("Paho is embedded in %s, never a bundle", HOST)
                        .doesNotContain("paho");
                assertThat(b.entries()).as("Kura API classes embedded in %s", b.entry())
                        .noneMatch(n -> n.startsWith("org/eclipse/kura/"));
                bsns.add(b.bsn());
            }
            assertThat(bsns).as("bundles in the %s package", p).containsExactlyElementsOf(p.bundles());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void isAtMost25Megabytes(Platform p) throws IOException {
        long size = Files.size(p.file());
        long max = Long.parseLong(required("leantta.dp.max.bytes"));
        System.out.printf(Locale.ROOT, "[dp] %s: %d bytes (%.1f MB), limit %d%n", p.file().getFileName(), size,
                size / 1048576.0, max);
        assertThat(size).as("size of %s", p.file().getFileName()).isLessThanOrEqualTo(max);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void carriesOnlyThePlatformsNativeLibraryInItsFragment(Platform p) throws IOException {
        try (JarFile jar = new JarFile(p.file().toFile())) {
            List<Bundle> bundles = bundles(jar);
            List<String> all = bundles.stream().flatMap(b -> b.entries().stream()).toList();
            assertThat(PackageChecks.nativeViolations(p.ortDir(), all)).as("native libraries in %s", p).isEmpty();

            Bundle host = bundle(bundles, HOST);
            assertThat(host.entries()).as("%s carries no native library (its fragments do)", HOST)
                    .noneMatch(n -> n.startsWith("ai/onnxruntime/native/"));
            // ONNX Runtime's Java classes are in the host, the protobuf, Paho and Jackson classes too (embedded, not
            // imported), Jackson with its licence
            assertThat(host.entries()).contains("ai/onnxruntime/OnnxRuntime.class",
                    "com/google/protobuf/GeneratedMessageV3.class", "ai/onnx/proto/OnnxMl.class",
                    "org/eclipse/paho/client/mqttv3/MqttAsyncClient.class",
                    "META-INF/services/org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory",
                    "tools/jackson/core/json/JsonFactory.class", "META-INF/jackson-core/LICENSE",
                    "META-INF/jackson-core/NOTICE");

            Bundle fragment = bundle(bundles, p.fragment());
            assertThat(fragment.manifest().getValue("Fragment-Host")).as("Fragment-Host of %s", p.fragment())
                    .startsWith(HOST + ";").doesNotContain("extension:=");
            for (Map.Entry<String, byte[]> so : fragment.soHeads().entrySet()) {
                assertThat(PackageChecks.elfMachine(so.getValue())).as("ELF machine of %s", so.getKey())
                        .isEqualTo(p.elfMachine());
            }
            assertThat(fragment.soHeads()).hasSize(2);
            String requirement = fragment.manifest().getValue("Require-Capability");
            for (Map.Entry<String, List<Map<String, Object>>> platform : NATIVE_CAPABILITIES.entrySet()) {
                for (Map<String, Object> capability : platform.getValue()) {
                    assertThat(PackageChecks.nativeRequirementMet(requirement, capability))
                            .as("%s attaches on %s %s", p.fragment(), platform.getKey(), capability)
                            .isEqualTo(platform.getKey().equals(p.name()));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void everyBundleImportsOnlyKuraOsgiSlf4jTheJdkAndOurApi(Platform p) throws IOException {
        try (JarFile jar = new JarFile(p.file().toFile())) {
            for (Bundle b : bundles(jar)) {
                String imports = b.manifest().getValue("Import-Package");
                System.out.println("[dp] " + p + ": " + b.bsn() + " Import-Package: " + imports);
                assertThat(PackageChecks.importViolations(b.bsn(), imports)).as("imports of %s", b.bsn()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void noBundleCarriesTheOfflineTooling(Platform p) throws IOException {
        try (JarFile jar = new JarFile(p.file().toFile())) {
            for (Bundle b : bundles(jar)) {
                assertThat(PackageChecks.toolingViolations(b.bsn(), b.entries())).as("tooling in %s", b.bsn())
                        .isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void componentsBundleRunsOnADs14Runtime(Platform p) throws IOException {
        try (JarFile jar = new JarFile(p.file().toFile())) {
            String requirements = bundle(bundles(jar), HOST).manifest().getValue("Require-Capability");
            assertThat(PackageChecks.dsRuntimeViolations(requirements)).isEmpty();
        }
    }

    // ---- each check fails when it should ----

    @Test
    void importCheckRejectsWhatKuraDoesNotExport() {
        String ok = "org.eclipse.kura.configuration;version=\"[1.2,2)\",org.osgi.service.cm;version=\"[1.6,2)\","
                + "org.slf4j;version=\"[1.7,3)\",org.leantta.api;version=\"[0.1,0.2)\",java.util,javax.net.ssl,"
                + "sun.misc;resolution:=optional";
        assertThat(PackageChecks.importViolations("b", ok)).isEmpty();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("org.eclipse.paho.client.mqttv3;version=\"[1.2,2)\"", "imports org.eclipse.paho.client.mqttv3");
        bad.put("ai.onnxruntime;version=\"[1.29,2)\"", "imports ai.onnxruntime");
        bad.put("ai.onnx.proto", "imports ai.onnx.proto");
        bad.put("com.google.protobuf", "imports com.google.protobuf");
        bad.put("org.leantta.core;version=\"[0.1,1)\"", "imports org.leantta.core");
        bad.put("org.leantta.apix", "imports org.leantta.apix");
        bad.put("sun.misc", "sun.misc without resolution:=optional");
        bad.put("org.slf4j;version=\"[1.7,2)\"", "expected [1.7,3)");
        bad.put("org.slf4j", "with version null");
        bad.forEach((header, expected) -> assertThat(PackageChecks.importViolations("b", ok + "," + header))
                .as(header).anySatisfy(v -> assertThat(v).contains(expected)));
    }

    @Test
    void toolingCheckRejectsShiftsDataQuantizerAndCalibration() {
        List<String> ok = List.of("org/leantta/core/", "org/leantta/core/LeanTta.class",
                "org/leantta/core/graph/Refold.class", "org/leantta/core/Sha256.class",
                "org/leantta/onnx/LeanTtaSession.class", "org/leantta/kura/model/Engine.class");
        assertThat(PackageChecks.toolingViolations("b", ok)).isEmpty();
        for (String bad : List.of("org/leantta/core/shift/Corruptions.class", "org/leantta/core/quant/Quantizer.class",
                "org/leantta/core/data/ImageSet.class", "org/leantta/onnx/Calibration.class",
                "org/leantta/onnx/Calibration$Method.class", "org/leantta/tooling/shift/Streams.class",
                "org/leantta/tooling/quant/Range.class")) {
            List<String> entries = new ArrayList<>(ok);
            entries.add(bad);
            assertThat(PackageChecks.toolingViolations("b", entries)).as(bad)
                    .singleElement().satisfies(v -> assertThat(v).contains("b carries " + bad));
        }
    }

    @Test
    void dsCheckRejectsARequirementBeyondDs14() {
        String ds14 = "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.4.0)(!(version>=2.0.0)))\"";
        assertThat(PackageChecks.dsRuntimeViolations(ds14)).isEmpty();
        assertThat(PackageChecks.dsRuntimeViolations(ds14.replace("1.4.0", "1.5.0")))
                .anySatisfy(v -> assertThat(v).contains("is not met by a DS 1.4.0 runtime"));
        assertThat(PackageChecks.dsRuntimeViolations("osgi.ee;filter:=\"(osgi.ee=JavaSE)\""))
                .anySatisfy(v -> assertThat(v).contains("no osgi.extender=osgi.component requirement"));
    }

    @Test
    void nativeCheckRejectsOtherPlatformsAndDebugSymbols() {
        List<String> ok = List.of("ai/onnxruntime/native/linux-x64/", "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so", "ThirdPartyNotices.txt",
                "ai/onnxruntime/OnnxRuntime.class");
        assertThat(PackageChecks.nativeViolations("linux-x64", ok)).isEmpty();
        Map<String, String> bad = Map.of(
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so", "linux-aarch64/libonnxruntime.so",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib", "osx-aarch64",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Info.plist", "dSYM",
                "ai/onnxruntime/native/win-x64/onnxruntime.dll", "win-x64",
                "lib/libother.so", "lib/libother.so");
        bad.forEach((entry, expected) -> {
            List<String> entries = new ArrayList<>(ok);
            entries.add(entry);
            assertThat(PackageChecks.nativeViolations("linux-x64", entries)).as(entry)
                    .anySatisfy(v -> assertThat(v).contains(expected));
        });
        assertThat(PackageChecks.nativeViolations("linux-x64", ok.subList(0, 2)))
                .anySatisfy(v -> assertThat(v).contains("missing ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so"));
    }

    @Test
    void fragmentFilterAndElfChecksTellThePlatformsApart() {
        String x64 = "osgi.native;filter:=\"(&(osgi.native.osname~=linux)(osgi.native.processor~=x86-64))\"";
        assertThat(PackageChecks.nativeRequirementMet(x64, NATIVE_CAPABILITIES.get("linux-x86_64").get(0))).isTrue();
        assertThat(PackageChecks.nativeRequirementMet(x64, NATIVE_CAPABILITIES.get("linux-aarch64").get(1))).isFalse();
        assertThat(PackageChecks.nativeRequirementMet("osgi.ee;filter:=\"(osgi.ee=JavaSE)\"",
                NATIVE_CAPABILITIES.get("linux-x86_64").get(0))).isFalse();
        byte[] elf = new byte[20];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[5] = 1;
        elf[18] = (byte) 183;
        assertThat(PackageChecks.elfMachine(elf)).isEqualTo(183);
        elf[18] = 62;
        assertThat(PackageChecks.elfMachine(elf)).isEqualTo(62);
        elf[0] = 0;
        assertThat(PackageChecks.elfMachine(elf)).isEqualTo(-1);
    }

    // ---- reading the packages ----

    static Bundle bundle(List<Bundle> bundles, String bsn) {
        return bundles.stream().filter(b -> b.bsn().equals(bsn)).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + bsn + " in the package"));
    }

    /** The bundles of a package, in entry order (copied out: JarInputStream misses a manifest not stored first). */
    static List<Bundle> bundles(JarFile dp) throws IOException {
        List<Bundle> out = new ArrayList<>();
        for (Enumeration<JarEntry> e = dp.entries(); e.hasMoreElements();) {
            JarEntry entry = e.nextElement();
            if (entry.getName().startsWith("META-INF/") || entry.getName().endsWith("/")) {
                continue;
            }
            Path tmp = Files.createTempFile("leantta-dp-", ".jar");
            try {
                try (InputStream in = dp.getInputStream(entry)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                try (JarFile bundle = new JarFile(tmp.toFile())) {
                    Manifest m = bundle.getManifest();
                    assertThat(m).as("manifest of %s", entry.getName()).isNotNull();
                    List<String> names = new ArrayList<>();
                    Map<String, byte[]> soHeads = new LinkedHashMap<>();
                    for (Enumeration<JarEntry> be = bundle.entries(); be.hasMoreElements();) {
                        JarEntry b = be.nextElement();
                        names.add(b.getName());
                        if (b.getName().endsWith(".so")) {
                            try (InputStream in = bundle.getInputStream(b)) {
                                soHeads.put(b.getName(), in.readNBytes(20));
                            }
                        }
                    }
                    out.add(new Bundle(entry.getName(), m.getMainAttributes(), names, soHeads));
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return out;
    }

    /** The Name: values of the raw manifest, in file order (java.util.jar.Manifest does not keep it). */
    static List<String> sectionNamesInOrder(JarFile dp) throws IOException {
        String raw;
        try (InputStream in = dp.getInputStream(dp.getEntry(JarFile.MANIFEST_NAME))) {
            raw = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        for (String line : raw.replace("\r\n", "\n").replace("\n ", "").split("\n")) {
            if (line.startsWith("Name: ")) {
                out.add(line.substring("Name: ".length()));
            }
        }
        return out;
    }

    static Set<String> names(String list) {
        return Arrays.stream(list.split("\\s*,\\s*")).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String required(String property) {
        String v = System.getProperty(property);
        assertThat(v).as("system property %s (run the checks with Maven)", property).isNotBlank();
        return v;
    }
}

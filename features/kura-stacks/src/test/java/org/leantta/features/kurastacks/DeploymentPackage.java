package org.leantta.features.kurastacks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The built Kura deployment package: which file to test on this host, and the bundles it lists. */
final class DeploymentPackage {

    private DeploymentPackage() {
    }

    /**
     * The .dp for this host's architecture, {@code leantta-kura_<version>_linux-<arch>.dp}, or else the only
     * .dp in the directory (the platform-neutral package, {@code leantta-kura-dp_<version>.dp}).
     */
    static Path locate(Path dir, String version, String osArch) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.filter(p -> p.getFileName().toString().endsWith(".dp")).sorted().collect(Collectors.toList());
        }
        String platform = platform(osArch);
        Path forHost = dir.resolve("leantta-kura_" + version + "_" + platform + ".dp");
        if (Files.isRegularFile(forHost)) {
            return forHost;
        }
        if (all.size() == 1 && !all.get(0).getFileName().toString().contains("_linux-")) {
            return all.get(0);
        }
        throw new IllegalStateException("expected " + forHost.getFileName() + " (os.arch " + osArch
                + ") or a single platform-neutral .dp in " + dir + ", found " + all);
    }

    static String platform(String osArch) {
        switch (osArch.toLowerCase(Locale.ROOT)) {
        case "amd64":
        case "x86_64":
            return "linux-x86_64";
        case "aarch64":
        case "arm64":
            return "linux-aarch64";
        default:
            throw new IllegalStateException("no Kura deployment package is built for os.arch " + osArch);
        }
    }

    /** Copies every bundle listed in a {@code Name:} section of the .dp's manifest into {@code dir}. */
    static List<DpBundle> extract(Path dp, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<DpBundle> bundles = new ArrayList<>();
        try (JarFile jar = new JarFile(dp.toFile())) {
            Map<String, Attributes> sections = new TreeMap<>(jar.getManifest().getEntries());
            for (Map.Entry<String, Attributes> section : sections.entrySet()) {
                if (section.getValue().getValue("Bundle-SymbolicName") == null) {
                    continue; // a resource that is not a bundle
                }
                JarEntry entry = jar.getJarEntry(section.getKey());
                if (entry == null) {
                    throw new IllegalStateException(dp + " lists " + section.getKey() + " but does not hold it");
                }
                Path file = dir.resolve(Path.of(section.getKey()).getFileName().toString());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                bundles.add(DpBundle.read(file));
            }
        }
        if (bundles.isEmpty()) {
            throw new IllegalStateException(dp + " lists no bundle in its manifest");
        }
        return bundles;
    }
}

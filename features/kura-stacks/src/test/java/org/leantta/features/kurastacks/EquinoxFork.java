package org.leantta.features.kurastacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Starts Equinox in its own JVM the way Kura does: {@code java -jar org.eclipse.osgi.jar -configuration DIR}
 * with the bundles to install and start listed in DIR/config.ini. Standard output and error go to files.
 */
final class EquinoxFork {

    /** How the forked JVM ended. */
    record Outcome(boolean exited, int exitCode, long millis, Path stdout, Path stderr) {

        String tail(int lines) throws IOException {
            return "--- last lines of " + stdout + "\n" + lastLines(stdout, lines)
                    + "--- last lines of " + stderr + "\n" + lastLines(stderr, lines);
        }
    }

    private final Path equinoxJar;
    private final Path workDir;

    EquinoxFork(Path equinoxJar, Path workDir) {
        this.equinoxJar = equinoxJar;
        this.workDir = workDir;
    }

    /**
     * Installs {@code bundles} (started at start level 4 unless a fragment) and {@code last} (started at level
     * 5, after all of them), with {@code properties} as framework properties, and waits for the JVM to exit.
     */
    Outcome run(List<Path> bundles, Path last, Map<String, String> properties, Duration timeout)
            throws IOException, InterruptedException {
        Path configuration = workDir.resolve("configuration");
        Files.createDirectories(configuration);
        writeConfigIni(configuration, bundles, last, properties);
        Path stdout = workDir.resolve("stdout.log");
        Path stderr = workDir.resolve("stderr.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", equinoxJar.toString(),
                "-configuration", configuration.toString(),
                "-consoleLog") // the framework log (resolution and activation errors) on standard output
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        long start = System.nanoTime();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Outcome(exited, exited ? process.exitValue() : -1, millis, stdout, stderr);
    }

    private void writeConfigIni(Path configuration, List<Path> bundles, Path last, Map<String, String> properties)
            throws IOException {
        List<String> entries = new ArrayList<>();
        for (Path bundle : bundles) {
            // reference: installs the jar in place; a fragment is not started, it attaches to its host
            entries.add("reference:file:" + bundle.toAbsolutePath() + (isFragment(bundle) ? "" : "@start"));
        }
        entries.add("reference:file:" + last.toAbsolutePath() + "@5:start");

        List<String> lines = new ArrayList<>();
        lines.add("# written by KuraStacksIT: a Kura-style Equinox configuration");
        lines.add("osgi.bundles=" + String.join(",\\\n  ", entries));
        lines.add("osgi.bundles.defaultStartLevel=4");
        lines.add("osgi.startLevel=6");
        lines.add("eclipse.ignoreApp=true");
        lines.add("osgi.noShutdown=true");
        lines.add("osgi.clean=true");
        lines.add("osgi.configuration.area=" + configuration.toAbsolutePath());
        lines.add("osgi.instance.area=" + workDir.resolve("instance").toAbsolutePath());
        properties.forEach((k, v) -> lines.add(k + "=" + v));
        Files.write(configuration.resolve("config.ini"), lines, StandardCharsets.UTF_8);
    }

    static boolean isFragment(Path bundle) throws IOException {
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Fragment-Host") != null;
        }
    }

    private static String lastLines(Path file, int count) throws IOException {
        if (!Files.exists(file)) {
            return "(no file)\n";
        }
        // decoded leniently: a log may hold bytes that are not UTF-8
        List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        StringBuilder out = new StringBuilder();
        all.subList(Math.max(0, all.size() - count), all.size()).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}

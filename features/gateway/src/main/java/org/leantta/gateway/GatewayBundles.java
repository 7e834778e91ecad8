package org.leantta.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

/** The jars of the bundles directory: checking, installing and starting them in a safe order. */
final class GatewayBundles {

    static final String CONFIGADMIN_BSN = "org.apache.felix.configadmin";

    private GatewayBundles() {
    }

    /** The jars, by file name; fails early on a missing or empty directory or an unusable framework extension. */
    static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no bundles directory " + dir.toAbsolutePath()
                    + " (build it with: mvn package -pl features/gateway)");
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IOException("no bundles in " + dir.toAbsolutePath());
        }
        for (Path jar : jars) {
            // without the opening the extension still resolves but its classes never load: SPI Fly would be
            // silently absent and slf4j 2 (Jetty's logging) would fall back to NOP
            if (isFrameworkExtension(jar) && !loaderOpen()) {
                throw new IllegalStateException(jar.getFileName() + " is a framework extension, which Equinox adds"
                        + " to the application class loader through a non-public JDK method: run Java with"
                        + " --add-opens java.base/jdk.internal.loader=ALL-UNNAMED (in an executable jar's manifest:"
                        + " Add-Opens: java.base/jdk.internal.loader)");
            }
        }
        return jars;
    }

    /**
     * Installs every jar by reference (no copy into storage: a native fragment is about 10 MB) and resolves the framework
     * extensions (SPI Fly, which slf4j 2 requires) before anything else. Returns the other bundles in start order.
     */
    static List<Bundle> install(BundleContext ctx, FrameworkWiring wiring, List<Path> jars)
            throws IOException, BundleException {
        List<Bundle> extensions = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            Bundle b = ctx.installBundle("reference:" + jar.toUri());
            (isFrameworkExtension(jar) ? extensions : bundles).add(b);
        }
        if (!extensions.isEmpty() && !wiring.resolveBundles(extensions)) {
            throw new BundleException("framework extension did not resolve: " + extensions);
        }
        bundles.sort(Comparator.comparingInt(GatewayBundles::startRank));
        return bundles;
    }

    /**
     * 0: ConfigAdmin, started and fed before the rest. 1: the slf4j providers, which SPI Fly registers only once
     * they are started and which must be there before Jetty first logs (slf4j 2 picks its provider once; too early
     * and it stays NOP). 2: everything else.
     */
    static int startRank(Bundle b) {
        String bsn = String.valueOf(b.getSymbolicName());
        return bsn.equals(CONFIGADMIN_BSN) ? 0 : bsn.startsWith("slf4j.") ? 1 : 2;
    }

    /**
     * Starts a bundle, adding a readable failure with its causes to {@code failures}. Fragments are skipped: they
     * cannot be started, and a native fragment for another platform stays unresolved by design.
     */
    static void start(Bundle b, List<String> failures) {
        if (b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            StringBuilder msg = new StringBuilder(b.getSymbolicName() + " " + b.getVersion() + ": " + e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                msg.append("\n    caused by ").append(c);
            }
            failures.add(msg.toString());
        }
    }

    static boolean isFrameworkExtension(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String host = jf.getManifest() == null ? null
                    : jf.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST);
            return host != null && host.contains(Constants.EXTENSION_FRAMEWORK)
                    && host.contains(Constants.EXTENSION_DIRECTIVE);
        }
    }

    private static boolean loaderOpen() {
        return Object.class.getModule().isOpen("jdk.internal.loader", GatewayBundles.class.getModule());
    }
}

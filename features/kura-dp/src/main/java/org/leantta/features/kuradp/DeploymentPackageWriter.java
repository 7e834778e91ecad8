package org.leantta.features.kuradp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Build-time tool (run by the build, not shipped): writes an OSGi deployment package, the format Kura installs
 * from System &gt; Packages. A deployment package is a jar whose manifest names the package
 * ({@code DeploymentPackage-SymbolicName}, {@code DeploymentPackage-Version}) and has one section per bundle
 * ({@code Name}, {@code Bundle-SymbolicName}, {@code Bundle-Version}), the manifest first, then the bundles in
 * the order of their sections.
 *
 * <p>Arguments: {@code <output.dp> <symbolic-name> <name> <maven-version> <timestamp> <bundle.jar>...}. The
 * package version is the Maven version with {@code -SNAPSHOT} replaced by {@code .<timestamp>}, so every build of
 * a snapshot installs as an upgrade of the previous one.
 */
public final class DeploymentPackageWriter {

    private static final Pattern OSGI_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?");

    private DeploymentPackageWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: DeploymentPackageWriter <output.dp> <symbolic-name> <name>"
                    + " <maven-version> <timestamp> <bundle.jar>...");
        }
        List<Path> bundles = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            bundles.add(Paths.get(args[i]));
        }
        Path out = Paths.get(args[0]);
        write(out, args[1], args[2], version(args[3], args[4]), bundles);
        System.out.println("[dp] " + out + " (" + Files.size(out) + " bytes)");
    }

    /** The package version: the OSGi form of the Maven version, a snapshot qualified by the build time. */
    static String version(String mavenVersion, String timestamp) {
        String v = mavenVersion.endsWith("-SNAPSHOT")
                ? mavenVersion.substring(0, mavenVersion.length() - "-SNAPSHOT".length()) + "." + timestamp
                : mavenVersion.replaceFirst("-", ".");
        if (!OSGI_VERSION.matcher(v).matches()) {
            throw new IllegalArgumentException("'" + v + "' (from Maven version " + mavenVersion
                    + ") is not an OSGi version major.minor.micro[.qualifier]");
        }
        return v;
    }

    static void write(Path out, String symbolicName, String name, String version, List<Path> bundles)
            throws IOException {
        StringBuilder mf = new StringBuilder();
        header(mf, "Manifest-Version", "1.0");
        header(mf, "DeploymentPackage-SymbolicName", symbolicName);
        header(mf, "DeploymentPackage-Version", version);
        header(mf, "DeploymentPackage-Name", name);
        List<String> names = new ArrayList<>();
        for (Path bundle : bundles) {
            Attributes own = ownManifest(bundle);
            String bsn = own.getValue("Bundle-SymbolicName");
            String bundleVersion = own.getValue("Bundle-Version");
            if (bsn == null || bundleVersion == null) {
                throw new IOException(bundle + " is not a bundle (no Bundle-SymbolicName or Bundle-Version)");
            }
            bsn = bsn.split(";", 2)[0].trim();
            bundleVersion = bundleVersion.trim();
            String entry = bsn + "_" + bundleVersion + ".jar";
            if (names.contains(entry)) {
                throw new IOException("two bundles " + entry);
            }
            names.add(entry);
            // one section per bundle, in the order of the entries (java.util.jar.Manifest would not keep it)
            mf.append("\r\n");
            header(mf, "Name", entry);
            header(mf, "Bundle-SymbolicName", bsn);
            header(mf, "Bundle-Version", bundleVersion);
        }
        mf.append("\r\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file)) {
            // the manifest first, then the bundles in the order of their sections
            jar.putNextEntry(new JarEntry(JarFile.MANIFEST_NAME));
            jar.write(mf.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (int i = 0; i < bundles.size(); i++) {
                JarEntry e = new JarEntry(names.get(i));
                e.setLastModifiedTime(Files.getLastModifiedTime(bundles.get(i)));
                jar.putNextEntry(e);
                Files.copy(bundles.get(i), jar);
                jar.closeEntry();
            }
        }
    }

    /** A manifest line, continued on lines that start with a space so that none exceeds 72 bytes. */
    static void header(StringBuilder mf, String key, String value) {
        String s = key + ": " + value;
        // bundle names and versions are ASCII; 72 characters are then 72 bytes
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
            throw new IllegalArgumentException("non-ASCII manifest header " + s);
        }
        mf.append(s, 0, Math.min(72, s.length())).append("\r\n");
        for (int i = 72; i < s.length(); i += 71) {
            mf.append(' ').append(s, i, Math.min(i + 71, s.length())).append("\r\n");
        }
    }

    private static Attributes ownManifest(Path bundle) throws IOException {
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Manifest m = jar.getManifest();
            if (m == null) {
                throw new IOException(bundle + " has no manifest");
            }
            return m.getMainAttributes();
        }
    }
}

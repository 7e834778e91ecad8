package org.leantta.itests.conventions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The entries of a built bundle jar, in memory. The {@code with...} methods return a tampered copy (they fail if
 * the change does not apply, so a negative test cannot pass by tampering nothing); {@link #writeTo} saves it.
 */
record BundleJar(Map<String, byte[]> entries) {
    static final String MANIFEST = "META-INF/MANIFEST.MF";

    /** The leantta-kura jar the build made (surefire passes its path). */
    static BundleJar kuraBundle() {
        return read(Path.of(requiredProperty("leantta.bundle.kura")));
    }

    static String requiredProperty(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with Maven "
                    + "(itests/pom.xml passes it to surefire)");
        }
        return v;
    }

    static BundleJar read(Path jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle " + jar + " (build it first)", e);
        }
        return new BundleJar(entries);
    }

    Path writeTo(Path jar) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    Manifest manifest() {
        try {
            return new Manifest(new ByteArrayInputStream(bytes(MANIFEST)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String header(String name) {
        return manifest().getMainAttributes().getValue(name);
    }

    byte[] bytes(String name) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new IllegalArgumentException("the bundle has no entry " + name);
        }
        return b;
    }

    InputStream open(String name) {
        return new ByteArrayInputStream(bytes(name));
    }

    String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** Entry names matching a glob where {@code *} stands for any characters but '/'. */
    List<String> names(String glob) {
        Pattern p = Pattern.compile(("\\Q" + glob + "\\E").replace("*", "\\E[^/]*\\Q"));
        List<String> out = new ArrayList<>();
        for (String n : entries.keySet()) {
            if (p.matcher(n).matches()) {
                out.add(n);
            }
        }
        return out;
    }

    BundleJar withText(String name, UnaryOperator<String> change) {
        String before = text(name);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the change leaves " + name + " as it was");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(name, after.getBytes(StandardCharsets.UTF_8));
        return new BundleJar(copy);
    }

    BundleJar withRenamed(String from, String to) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(to, bytes(from));
        copy.remove(from);
        return new BundleJar(copy);
    }

    BundleJar withHeader(String header, UnaryOperator<String> change) {
        Manifest m = manifest();
        Attributes main = m.getMainAttributes();
        String before = main.getValue(header);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the change leaves the " + header + " header as it was");
        }
        main.putValue(header, after);
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(MANIFEST, write(m));
        return new BundleJar(copy);
    }

    private static byte[] write(Manifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

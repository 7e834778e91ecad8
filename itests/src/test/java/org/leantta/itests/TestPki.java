package org.leantta.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for a test with openssl and keytool: a CA, a server certificate it signs for 127.0.0.1 and
 * localhost, a trust store with that CA, and a trust store with an unrelated CA (which must not be trusted).
 */
record TestPki(Path caCert, Path serverCert, Path serverKey, Path trustStore, Path otherTrustStore,
               String trustStorePassword) {
    private static final String PASSWORD = "changeit";

    static TestPki create(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.crt");
        Path caKey = dir.resolve("ca.key");
        selfSigned(caKey, ca, "LeanTTA test CA");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path cert = dir.resolve("server.crt");
        run(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=localhost");
        Path ext = Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(dir, "openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
        Path other = dir.resolve("other-ca.crt");
        selfSigned(dir.resolve("other-ca.key"), other, "Some other CA");
        return new TestPki(ca, cert, key, trustStore(dir, ca, "trust.p12"), trustStore(dir, other, "other.p12"),
                PASSWORD);
    }

    private static void selfSigned(Path key, Path cert, String name) throws IOException, InterruptedException {
        run(key.getParent(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + name);
    }

    /** A PKCS12 trust store holding one trusted certificate (keytool marks it trusted; openssl's would not be). */
    private static Path trustStore(Path dir, Path cert, String name) throws IOException, InterruptedException {
        Path store = dir.resolve(name);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(dir, keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", cert.toString(), "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return store;
    }

    /** Runs a tool and fails with its output if it fails. */
    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "tool", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", List.of(command)) + " failed: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}

package org.leantta.itests;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** A real Mosquitto broker on a free loopback port, started for the tests and stopped with the JVM at the latest. */
public final class Mosquitto implements AutoCloseable {
    private static Mosquitto shared;
    private final Process process;
    private final int port;

    private Mosquitto(Path dir, IntFunction<String> config) throws IOException, InterruptedException {
        String binary = find("mosquitto");
        this.port = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, config.apply(port));
        this.process = new ProcessBuilder(binary, "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("mosquitto did not start on port " + port + ": "
                        + Files.readString(dir.resolve("mosquitto.log")));
            }
            Thread.sleep(50);
        }
    }

    /** One anonymous broker per JVM (per test framework class loader), started on first use. */
    public static synchronized Mosquitto shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = new Mosquitto(Files.createTempDirectory("mosquitto"), port -> "listener " + port
                    + " 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n");
            Mosquitto m = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(m::close));
        }
        return shared;
    }

    /**
     * A broker of its own, configured by {@code config} (given the port to listen on) in {@code dir}, where its
     * log goes too. Files the configuration names (certificates, a password file) are read after the broker drops
     * its privileges: run as root, it stays the current user only if the configuration says {@code user root}.
     */
    public static Mosquitto start(Path dir, IntFunction<String> config) throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(dir, config);
        Runtime.getRuntime().addShutdownHook(new Thread(m::close));
        return m;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A program of the mosquitto package (mosquitto, mosquitto_passwd). */
    static String find(String program) throws IOException {
        for (String dir : new String[] {"/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/"}) {
            if (new File(dir + program).canExecute()) {
                return dir + program;
            }
        }
        throw new IOException(program + " is not installed: the tests need a real broker "
                + "(apt-get install mosquitto; ./leantta test installs it when run as root)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}

package org.leantta.itests;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A real Mosquitto broker on a free loopback port, started for the tests and stopped with the JVM at the latest. A
 * broker of one's own ({@link #start(String)}) can be stopped and started again on the same port (fault
 * injection); {@link #start(Path, IntFunction)} takes a whole configuration (TLS listeners, password files).
 */
public final class Mosquitto implements AutoCloseable {
    private static Mosquitto shared;
    private final String binary;
    private final Path dir;
    private final Path conf;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, IntFunction<String> config) throws IOException, InterruptedException {
        this.binary = find("mosquitto");
        this.port = freePort();
        this.dir = dir;
        this.conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, config.apply(port));
        start();
    }

    /** Started as root, mosquitto runs as the user mosquitto: it must be able to write its persistence file here. */
    private static Path openDirectory() throws IOException {
        Path dir = Files.createTempDirectory("mosquitto", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    /** One broker per JVM (per test framework class loader), started on first use. */
    public static synchronized Mosquitto shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start("persistence false\nmax_queued_messages 100000\n");
            Mosquitto m = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(m::close));
        }
        return shared;
    }

    /**
     * A broker of one's own with these configuration lines ({@code ${dir}} stands for its own directory, e.g. for
     * {@code persistence_location ${dir}/}); close it when done.
     */
    public static Mosquitto start(String config) throws IOException, InterruptedException {
        Path dir = openDirectory();
        return new Mosquitto(dir, port -> "listener " + port + " 127.0.0.1\nallow_anonymous true\n"
                + config.replace("${dir}", dir.toString()));
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

    /** Starts the broker (again, after {@link #stop()}) and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("mosquitto did not start on port " + port + ": " + log());
            }
            Thread.sleep(20);
        }
    }

    /** Stops the broker as an operator does (SIGTERM: with persistence on, it saves its sessions first). */
    public synchronized void stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new IOException("mosquitto did not stop within 15 s: " + log());
        }
    }

    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
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
    public synchronized void close() {
        if (process != null) {
            process.destroy();
        }
    }
}

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

/**
 * A real Mosquitto broker on a free loopback port, started for the tests and stopped with the JVM. A broker of
 * one's own ({@link #start(String)}) can be stopped and started again on the same port (fault injection).
 */
public final class Mosquitto implements AutoCloseable {
    private static Mosquitto shared;
    private final String binary;
    private final Path dir;
    private final Path conf;
    private final int port;
    private Process process;

    private Mosquitto(String config) throws IOException, InterruptedException {
        this.binary = find();
        this.port = freePort();
        // started as root, mosquitto runs as the user mosquitto: it must be able to write its persistence file here
        this.dir = Files.createTempDirectory("mosquitto", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        this.conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\n"
                + config.replace("${dir}", dir.toString()));
        start();
    }

    /** One broker per JVM (per test framework class loader), started on first use. */
    public static synchronized Mosquitto shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = new Mosquitto("persistence false\nmax_queued_messages 100000\n");
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
        return new Mosquitto(config);
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

    private static String find() throws IOException {
        for (String p : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        throw new IOException("mosquitto is not installed: the tests need a real broker "
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

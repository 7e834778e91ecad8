package org.leantta.itests;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Mosquitto broker on a free loopback port, started for the tests and stopped with the JVM. */
public final class Mosquitto implements AutoCloseable {
    private static Mosquitto shared;
    private final Process process;
    private final int port;

    private Mosquitto() throws IOException, InterruptedException {
        String binary = find();
        this.port = freePort();
        Path dir = Files.createTempDirectory("mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_queued_messages 100000\n");
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

    /** One broker per JVM (per test framework class loader), started on first use. */
    public static synchronized Mosquitto shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = new Mosquitto();
            Mosquitto m = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(m::close));
        }
        return shared;
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
    public void close() {
        process.destroy();
    }
}

package org.leantta.cli.soak;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Mosquitto broker on a free loopback port, without persistence, stopped on close; for the soak and the MQTT
 * benchmark.
 */
public final class Mosquitto implements AutoCloseable {
    private static final String[] BINARIES = {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"};
    private final Process process;
    private final int port;
    private final Path dir;

    private Mosquitto(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The soak's broker: it never drops for the gateway, and sends small packets at once. */
    public static Mosquitto start() throws IOException, InterruptedException {
        // a queue limit far above anything a soak keeps in flight: the broker never drops for the gateway
        return start("max_queued_messages 100000\nset_tcp_nodelay true\n");
    }

    /** Whether a mosquitto binary is installed. */
    public static boolean installed() {
        return binary() != null;
    }

    /**
     * Starts one with these configuration lines after the loopback listener (anonymous, no persistence) and waits
     * (up to 15 s) until it accepts connections.
     */
    public static Mosquitto start(String config) throws IOException, InterruptedException {
        return start(config, false);
    }

    /** As {@link #start(String)}; {@code persistent}: sessions and queued messages kept in its own directory. */
    public static Mosquitto start(String config, boolean persistent) throws IOException, InterruptedException {
        String binary = find();
        int port = freePort();
        Path dir = Files.createTempDirectory("leantta-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        String persistence = persistent ? "persistence true\npersistence_location " + dir + "/\n" : "persistence false\n";
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\n" + persistence + config);
        Process p = new ProcessBuilder(binary, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Mosquitto m = new Mosquitto(p, port, dir);
        // a soak stopped with Ctrl-C leaves no broker behind
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        long deadline = System.currentTimeMillis() + 15_000;
        while (!accepts(port)) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                m.close();
                throw new IOException("mosquitto did not start on port " + port + ": "
                        + Files.readString(dir.resolve("mosquitto.log")));
            }
            Thread.sleep(50);
        }
        return m;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The configuration lines of a bridge from this broker's site to {@code central}: the gateways' answers
     * (predictions, errors, replies, events) out, commands (to a device or a fleet group) in, at QoS 1, a persistent
     * bridge session, reconnection within a second. Samples stay on the site.
     */
    public static String bridgeTo(Mosquitto central, String name, String prefix) {
        StringBuilder sb = new StringBuilder("connection " + name + "\naddress 127.0.0.1:" + central.port() + "\n");
        for (String out : new String[] {"+/predictions/#", "+/errors", "+/replies/#", "+/events"}) {
            sb.append("topic ").append(prefix).append('/').append(out).append(" out 1\n");
        }
        for (String in : new String[] {"fleet/#", "+/commands/#"}) {
            sb.append("topic ").append(prefix).append('/').append(in).append(" in 1\n");
        }
        return sb.append("remote_clientid ").append(name).append("\ncleansession false\nrestart_timeout 1\n")
                .append("notifications false\n").toString();
    }
    private static String binary() {
        for (String p : BINARIES) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    private static String find() throws IOException {
        String binary = binary();
        if (binary == null) {
            throw new IOException("mosquitto is not installed: this command needs a real broker (apt-get install "
                    + "mosquitto), or give one with --broker URL");
        }
        return binary;
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
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
        dir.toFile().delete();
    }
}

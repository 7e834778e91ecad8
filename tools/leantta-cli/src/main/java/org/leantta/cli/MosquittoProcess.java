package org.leantta.cli;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Mosquitto broker process on a free loopback port with extra configuration lines, for the MQTT benchmark. */
final class MosquittoProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private MosquittoProcess(String binary, String extraConfig) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("leantta-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Path log = dir.resolve("mosquitto.log");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + extraConfig);
        process = new ProcessBuilder(binary, "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                close();
                throw new IOException("mosquitto did not start on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** The installed mosquitto binary, or null. */
    static String binary() {
        for (String p : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    static MosquittoProcess start(String binary, String extraConfig) throws IOException, InterruptedException {
        return new MosquittoProcess(binary, extraConfig);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
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

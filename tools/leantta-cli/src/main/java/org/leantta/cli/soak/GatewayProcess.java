package org.leantta.cli.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./leantta run} in a child process, as an operator starts it: the launcher applies the gateway's JVM limits
 * (and {@code LEANTTA_JAVA_OPTS}); its console lines are echoed with a prefix.
 */
public final class GatewayProcess implements AutoCloseable {
    static final String SERVING = "gateway: running";
    private final Process process;
    private final CountDownLatch serving = new CountDownLatch(1);
    private final List<String> lines = new ArrayList<>();
    private final PrintStream echo;

    private GatewayProcess(Process process, PrintStream echo) {
        this.process = process;
        this.echo = echo;
        Thread reader = new Thread(this::readConsole, "soak-gateway-console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code home/leantta run} on {@code broker} as device {@code device}, web console on a free port.
     * {@code javaOpts} null keeps the caller's {@code LEANTTA_JAVA_OPTS}. The launcher never builds here.
     */
    public static GatewayProcess start(Path home, String broker, String device, String javaOpts, PrintStream echo)
            throws IOException {
        return start(home, broker, device, null, javaOpts, echo);
    }

    /** As {@link #start(Path, String, String, String, PrintStream)}, in these fleet groups (null: the snapshot's). */
    public static GatewayProcess start(Path home, String broker, String device, String groups, String javaOpts,
            PrintStream echo) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("leantta").toString(), "run", "--broker", broker,
                "--device", device, "--http-port", "0"));
        if (groups != null) {
            command.addAll(List.of("--group", groups));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        pb.environment().put("LEANTTA_NO_BUILD", "1");
        if (javaOpts != null) {
            pb.environment().put("LEANTTA_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        // a soak stopped with Ctrl-C leaves no gateway behind
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        return new GatewayProcess(p, echo);
    }

    private void readConsole() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                // the web console's one-time password stays out of soak logs that get kept
                echo.println("  | " + line.replaceAll("password \\S+", "password (not shown)"));
                if (line.startsWith(SERVING)) {
                    serving.countDown();
                }
            }
        } catch (IOException e) {
            echo.println("  | (console closed: " + e.getMessage() + ")");
        }
    }

    /** Waits until the gateway says it is serving; fails with its console if it exits or the time runs out. */
    public void awaitServing(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!serving.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the gateway did not say '" + SERVING + "' within " + timeout.toSeconds()
                        + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                        + "; its console:\n  " + String.join("\n  ", console()));
            }
        }
    }

    public List<String> console() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The JVM's process id: the launcher script replaces itself with java. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The JVM options the gateway runs with, as the kernel sees its command line. */
    public List<String> jvmOptions() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid()), "cmdline"));
        List<String> options = new ArrayList<>();
        String[] args = new String(raw, StandardCharsets.UTF_8).split("\0");
        for (int i = 1; i < args.length && !args[i].equals("-jar"); i++) {
            if (!args[i].startsWith("-Dleantta.home=")) {
                options.add(args[i]);
            }
        }
        return options;
    }

    /** Kills it without a goodbye (SIGKILL), as a power cut would: the broker then publishes its last will. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it as Ctrl-C does (SIGTERM: the shutdown hook stops the framework) and waits up to 60 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

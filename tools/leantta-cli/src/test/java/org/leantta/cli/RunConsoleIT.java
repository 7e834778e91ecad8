package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.cli.soak.Mosquitto;
import org.leantta.tooling.data.Shipped;
import org.osgi.service.cm.Configuration;

/**
 * What {@code ./leantta run} prints when its configuration is refused at start-up (a model.sha256 that does not
 * match, an ssl:// broker URL without TLS), and then as the operator fixes one thing after the other.
 */
class RunConsoleIT {
    static final String ZEROS = "0".repeat(64);

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Test
    void refusedConfigurationIsReportedAndRecoveryAnnounced(@TempDir Path tmp) throws Exception {
        Path snapshot = tmp.resolve("refused.xml");
        Files.writeString(snapshot, Files.readString(Shipped.file(GatewayLauncher.SNAPSHOT)).replaceFirst(
                "(name=\"model\\.sha256\"[^>]*>\\s*<esf:value>)(</esf:value>)", "$1" + ZEROS + "$2"));
        try (Mosquitto broker = Mosquitto.start();
             RunCommand.Started run = new RunCommand(console()).start(new GatewayLauncher.Settings(snapshot,
                     broker.url().replace("tcp://", "ssl://"), "console-it", 0))) {
            List<String> refused = linesUntil("gateway:   (watching");
            assertThat(refused).noneMatch(l -> l.startsWith("gateway: running"))
                    .contains("gateway: started, but NOT serving:")
                    .anyMatch(l -> l.startsWith("gateway:   LeanTTA model: configuration refused: model.sha256")
                            && l.contains(ZEROS))
                    .anyMatch(l -> l.startsWith("gateway:   MQTT bridge: cannot reach its broker ssl://"))
                    .anyMatch(l -> l.startsWith("gateway:     its log at ") && l.contains("configuration refused")
                            && l.contains("ssl://"))
                    .contains("gateway:   fix it in the web console: " + run.gateway().webConsoleUrl()
                            + "/configMgr/" + GatewayLauncher.MODEL_PID);

            update(run, GatewayLauncher.MODEL_PID, "model.sha256", "");
            List<String> modelFixed = linesUntil("gateway:   (watching");
            assertThat(modelFixed).contains("gateway: still NOT serving:")
                    .noneMatch(l -> l.contains("LeanTTA model:"))
                    .anyMatch(l -> l.startsWith("gateway:   MQTT bridge:"));

            update(run, GatewayLauncher.BRIDGE_PID, "broker.url", broker.url());
            assertThat(linesUntil("gateway: running")).last().isEqualTo("gateway: running: now serving MQTT "
                    + broker.url() + ", topics leantta/console-it/#; Ctrl-C stops");
        }
    }

    /** As the operator does in the web console: one property of a pid changed, the rest kept. */
    private static void update(RunCommand.Started run, String pid, String key, Object value) throws Exception {
        Configuration c = run.gateway().configurationAdmin().getConfiguration(pid, "?");
        Dictionary<String, Object> props = c.getProperties();
        props.put(key, value);
        c.update(props);
    }

    /** The console lines up to and including the first that starts with {@code prefix} (up to 90 s). */
    private List<String> linesUntil(String prefix) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line).as("no console line starting with '%s' within 90 s; so far: %s", prefix, seen).isNotNull();
            seen.add(line);
            if (line.startsWith(prefix)) {
                return seen;
            }
        }
    }

    /** A console that keeps each line for the test and shows it in the build's output. */
    private PrintStream console() {
        OutputStream splitter = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    System.out.println("RunConsoleIT console> " + s);
                    lines.add(s);
                } else {
                    line.write(b);
                }
            }
        };
        return new PrintStream(splitter, true, StandardCharsets.UTF_8);
    }
}

package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leantta.tooling.data.Shipped;

/** The JVM options the {@code ./leantta} script gives each command: the gateway's limits, then the user's. */
class LauncherOptionsTest {

    @Test
    void runAndDemoGetTheGatewayLimits() throws Exception {
        assertThat(options("run", Map.of())).isEqualTo(shipped()).contains("-Xmx64m", "-XX:+UseSerialGC");
        assertThat(options("demo", Map.of())).isEqualTo(shipped());
    }

    @Test
    void theUsersOptionsComeLastSoTheyWinAndTheirCollectorReplacesOurs() throws Exception {
        List<String> expected = new ArrayList<>(shipped());
        expected.remove("-XX:+UseSerialGC");
        expected.addAll(List.of("-Xmx128m", "-XX:+UseG1GC"));
        assertThat(options("run", Map.of("LEANTTA_JAVA_OPTS", "-Xmx128m -XX:+UseG1GC"))).isEqualTo(expected);

        List<String> heapOnly = new ArrayList<>(shipped());
        heapOnly.add("-Xmx128m");
        assertThat(options("run", Map.of("LEANTTA_JAVA_OPTS", "-Xmx128m"))).isEqualTo(heapOnly);
    }

    @Test
    void otherCommandsAndAnEmptyOptionsFileGetOnlyTheUsersOptions() throws Exception {
        assertThat(options("evaluate", Map.of())).isEmpty();
        assertThat(options("bench", Map.of("LEANTTA_JAVA_OPTS", "-Xmx2g"))).containsExactly("-Xmx2g");
        assertThat(options("run", Map.of("LEANTTA_JVM_OPTIONS_FILE", "/dev/null"))).isEmpty();
    }

    private static List<String> options(String command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", Shipped.home().resolve("leantta").toString(), "java-options",
                command).redirectErrorStream(true);
        pb.environment().remove("LEANTTA_JAVA_OPTS");
        pb.environment().remove("LEANTTA_JVM_OPTIONS_FILE");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    private static List<String> shipped() throws IOException {
        return Files.readAllLines(Shipped.home().resolve(Path.of("features", "gateway", "jvm.options"))).stream()
                .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }
}

package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leantta.cli.soak.Soak;
import org.leantta.cli.soak.SoakResult;
import org.leantta.tooling.data.Shipped;

/**
 * The soak, short: {@code ./leantta run} with the shipped JVM limits on a fresh Mosquitto, 25,000 samples; every
 * one answered and the gateway's RSS within 256 MB throughout. The long run is {@code tools/soak/soak.sh}.
 */
class SoakIT {
    static final int SAMPLES = 25_000;
    static final double RSS_CEILING_MB = 256;

    @Test
    void everySampleIsAnsweredWithinTheRssCeilingUnderTheShippedJvmLimits() throws Exception {
        // "" for the gateway's LEANTTA_JAVA_OPTS: the shipped limits alone, whatever this machine's environment says
        SoakResult r = Soak.run(new Soak.Settings(Shipped.home(), null, SAMPLES, 1000, 8, 2, "",
                Duration.ofSeconds(120)), System.out);
        System.out.printf("SoakIT: sent %d, predictions %d, error reports %d, missing %d, %.0f/s; RSS MB idle %.1f, "
                + "max %.1f, end %.1f; JVM %s%n", r.sent(), r.predictions(), r.errorReports(), r.missing(), r.rate(),
                r.rssIdleMb(), r.rssMaxMb(), r.rssEndMb(), r.setup().get("jvmOptions"));

        assertThat(r.setup().get("jvmOptions")).as("the launcher applies features/gateway/jvm.options")
                .isEqualTo(shippedJvmOptions());
        assertThat(r.sent()).isEqualTo(SAMPLES);
        assertThat(r.missing()).as("samples never answered").isZero();
        assertThat(r.predictions()).as("every sample is valid: a prediction each").isEqualTo(SAMPLES);
        assertThat(r.rssMaxMb()).as("largest RSS of the gateway, MB").isPositive().isLessThanOrEqualTo(RSS_CEILING_MB);
    }

    private static List<String> shippedJvmOptions() throws Exception {
        return Files.readAllLines(Shipped.home().resolve(Path.of("features", "gateway", "jvm.options"))).stream()
                .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }
}

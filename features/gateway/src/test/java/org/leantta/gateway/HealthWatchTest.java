package org.leantta.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leantta.gateway.Health.Problem;

/** What the console says as the gateway's health changes. */
class HealthWatchTest {
    private static final String CONSOLE = "http://127.0.0.1:8080/system/console";
    private static final Problem REFUSED = new Problem("LeanTTA model", "model.pid",
            "configuration refused: tau must be in [0, 1], got 2.0", null, true);
    private static final Problem CONNECTING = new Problem("MQTT bridge", "bridge.pid",
            "no answer to a status command", null, false);
    private static final Health SERVING = new Health(List.of(), List.of(), "MQTT tcp://broker:1883, topics t/#");

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile Health now;
    private HealthWatch watch;

    @AfterEach
    void stop() throws InterruptedException {
        watch.close();
    }

    @Test
    void aRefusedConfigurationIsReportedAtOnceWithWhereToFixIt() throws Exception {
        givenHealth(notServing(REFUSED));
        whenWatching(Duration.ofMinutes(10));
        thenLines("gateway: started, but NOT serving:",
                "gateway:   LeanTTA model: configuration refused: tau must be in [0, 1], got 2.0",
                "gateway:   fix it in the web console: " + CONSOLE + "/configMgr/model.pid",
                "gateway:   (watching: the gateway says when it serves)");
        givenHealth(SERVING);
        thenLines("gateway: running: now serving MQTT tcp://broker:1883, topics t/#; Ctrl-C stops");
    }

    @Test
    void aProblemThatMayPassIsReportedOnlyOnceItOutlastsThePatience() throws Exception {
        givenHealth(notServing(CONNECTING));
        whenWatching(Duration.ofMillis(1500));
        long start = System.nanoTime();
        thenLines("gateway: started, but NOT serving:", "gateway:   MQTT bridge: no answer to a status command");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(1000).toNanos());
    }

    @Test
    void aPassingProblemAtStartIsNeverReported() throws Exception {
        givenHealth(notServing(CONNECTING));
        whenWatching(Duration.ofMinutes(10));
        givenHealth(SERVING);
        thenLines("gateway: running: serving MQTT tcp://broker:1883, topics t/#; Ctrl-C stops");
        assertThat(watch.awaitServing(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void losingAndRegainingServiceAndNotesAreReportedOnce() throws Exception {
        givenHealth(SERVING);
        whenWatching(Duration.ofMinutes(10));
        thenLines("gateway: running: serving MQTT tcp://broker:1883, topics t/#; Ctrl-C stops");
        givenHealth(new Health(List.of(), List.of("LeanTTA model: configuration refused, the previous one stays"),
                SERVING.serving()));
        thenLines("gateway: note: LeanTTA model: configuration refused, the previous one stays");
        givenHealth(notServing(REFUSED));
        thenLines("gateway: NOT serving any more:");
        assertThat(watch.serving()).isFalse();
    }

    @Test
    void whatAComponentLoggedIsShownUnderItsProblem() throws Exception {
        givenHealth(notServing(new Problem("MQTT bridge", "bridge.pid", "cannot reach its broker",
                "10:00:00: configuration refused (qos must be 0, 1 or 2)", true)));
        whenWatching(Duration.ofMinutes(10));
        thenLines("gateway: started, but NOT serving:", "gateway:   MQTT bridge: cannot reach its broker",
                "gateway:     its log at 10:00:00: configuration refused (qos must be 0, 1 or 2)");
    }

    private static Health notServing(Problem p) {
        return new Health(List.of(p), List.of(), "MQTT tcp://broker:1883, topics t/#");
    }

    private void givenHealth(Health h) {
        now = h;
    }

    private void whenWatching(Duration patience) {
        Duration quick = Duration.ofMillis(50);
        watch = HealthWatch.start(() -> now, CONSOLE, lines::add, patience, new HealthWatch.Pace(quick, quick, quick));
    }

    /** The next console lines are these, in order (waiting up to 30 s for them). */
    private void thenLines(String... expected) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (String e : expected) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            seen.add(line);
            assertThat(line).as("console so far: %s", seen).isEqualTo(e);
        }
    }
}

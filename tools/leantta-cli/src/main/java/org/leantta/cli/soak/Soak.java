package org.leantta.cli.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.leantta.tooling.data.Shipped;

/**
 * The soak: a Mosquitto (unless a broker is given), {@code ./leantta run} on it, and {@code count} samples at
 * {@code rate} per second over {@code sensors} sensor topics, with the gateway's RSS read every few seconds.
 * The sender keeps at most {@code 2 * rate} samples unanswered: a gateway slower than the rate slows the soak
 * down (the achieved rate is reported) instead of piling up a backlog.
 */
public final class Soak {

    /** What to run; {@code broker} null starts a Mosquitto, {@code javaOpts} null keeps LEANTTA_JAVA_OPTS. */
    public record Settings(Path home, String broker, long count, int rate, int sensors, int sampleSeconds,
            String javaOpts, Duration startTimeout) {
    }

    private static final long DRAIN_IDLE_MS = 30_000;
    private final Settings s;
    private final PrintStream out;
    private final Series series = new Series();
    private final AtomicLong sent = new AtomicLong();
    private volatile long loadStart;

    private Soak(Settings s, PrintStream out) {
        this.s = s;
        this.out = out;
    }

    public static SoakResult run(Settings s, PrintStream out) throws Exception {
        return new Soak(s, out).run();
    }

    private SoakResult run() throws Exception {
        SamplePool pool = new SamplePool(Shipped.testSet(), 2000);
        try (Mosquitto mosquitto = s.broker() == null ? Mosquitto.start() : null) {
            String url = mosquitto == null ? s.broker() : mosquitto.url();
            out.printf("soak: broker %s; starting ./leantta run%n", url);
            String device = "soak-" + ProcessHandle.current().pid();
            try (GatewayProcess gateway = GatewayProcess.start(s.home(), url, device, s.javaOpts(), out)) {
                gateway.awaitServing(s.startTimeout());
                try (SoakSensor sensor = new SoakSensor(url, "leantta/" + device + "/", s.sensors(), pool)) {
                    return soak(gateway, sensor, url);
                }
            }
        }
    }

    private SoakResult soak(GatewayProcess gateway, SoakSensor sensor, String url) throws Exception {
        if (sensor.status("soak-ready", s.startTimeout().toMillis()) == null) {
            throw new IOException("the gateway said it is running but does not answer a status command on " + url);
        }
        long pid = gateway.pid();
        announce(gateway);
        double cpuBefore = Rss.cpuSeconds(pid);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        loadStart = start;
        sampler.scheduleAtFixedRate(() -> sample(pid, sensor.answers()), s.sampleSeconds(), s.sampleSeconds(),
                TimeUnit.SECONDS);
        try {
            stream(gateway, sensor);
            drain(gateway, sensor.answers());
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = Rss.cpuSeconds(pid) - cpuBefore;
        sample(pid, sensor.answers());
        Map<String, Object> status = sensor.status("soak-end", 30_000);
        return result(gateway, sensor.answers(), seconds, cpu, counters(status));
    }

    /** The idle reading, the gateway's JVM options and the table's header. */
    private void announce(GatewayProcess gateway) throws IOException {
        long idleKb = Rss.kilobytes(gateway.pid());
        series.add(new Series.Point(0, 0, 0, idleKb));
        out.printf("soak: gateway pid %d, idle RSS %.1f MB, JVM options %s%n", gateway.pid(), idleKb / 1024.0,
                gateway.jvmOptions());
        out.printf("soak: %,d samples at %d/s over %d sensors%n%8s %12s %12s %9s %8s%n", s.count(), s.rate(),
                s.sensors(), "seconds", "sent", "answered", "rate/s", "RSS MB");
    }

    private void stream(GatewayProcess gateway, SoakSensor sensor) throws Exception {
        long interval = 1_000_000_000L / s.rate();
        long backlog = 2L * s.rate();
        long next = System.nanoTime();
        Answers answers = sensor.answers();
        for (long id = 0; id < s.count(); id++) {
            for (long wait; (wait = next - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            while (id - answers.answered() > backlog) {
                if (!gateway.alive()) {
                    throw new IOException("the gateway exited during the soak, after " + id + " samples");
                }
                LockSupport.parkNanos(1_000_000);
            }
            sensor.send(id);
            sent.set(id + 1);
            // behind by more than a second (a slow gateway): resume the pace from now instead of bursting
            next = Math.max(next + interval, System.nanoTime() - 1_000_000_000L);
        }
    }

    /** Waits for the last answers: until every sample is answered or none came for 30 s. */
    private void drain(GatewayProcess gateway, Answers answers) throws InterruptedException {
        long last = answers.answered();
        long lastChange = System.currentTimeMillis();
        while (answers.answered() < sent.get() && System.currentTimeMillis() - lastChange < DRAIN_IDLE_MS
                && gateway.alive()) {
            Thread.sleep(100);
            long now = answers.answered();
            if (now != last) {
                last = now;
                lastChange = System.currentTimeMillis();
            }
        }
    }

    private void sample(long pid, Answers answers) {
        try {
            double t = (System.nanoTime() - loadStart) / 1e9;
            long kb = Rss.kilobytes(pid);
            long n = sent.get();
            long a = answers.answered();
            series.add(new Series.Point(t, n, a, kb));
            out.printf("%8.0f %,12d %,12d %9.0f %8.1f%n", t, n, a, t > 0 ? n / t : 0, kb / 1024.0);
        } catch (IOException e) {
            out.println("soak: cannot read the gateway's RSS: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counters(Map<String, Object> status) {
        Object c = status == null ? null : status.get("counters");
        return c instanceof Map ? (Map<String, Object>) c : Map.of("status", "no answer to the final status command");
    }

    private SoakResult result(GatewayProcess gateway, Answers a, double seconds, double cpu,
            Map<String, Object> counters) throws IOException {
        long n = sent.get();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("date", Instant.now().toString());
        String userOpts = s.javaOpts() != null ? s.javaOpts() : System.getenv("LEANTTA_JAVA_OPTS");
        setup.put("command", "./leantta run" + (userOpts == null || userOpts.isBlank() ? ""
                : " with LEANTTA_JAVA_OPTS=" + userOpts));
        setup.put("jvmOptions", gateway.jvmOptions());
        setup.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        setup.put("cpus", Runtime.getRuntime().availableProcessors());
        setup.put("targetRatePerSecond", s.rate());
        setup.put("sensors", s.sensors());
        setup.put("sample", "JSON, uint8 encoding, 784 values, QoS 1");
        return new SoakResult(setup, n, a.predictions(), a.errorReports(), a.missing(n), a.duplicates(), seconds,
                series.maxMb(p -> p.sent() == 0), series.tenthMaxMb(false), series.tenthMaxMb(true),
                series.maxMb(p -> true), series.lastMb(), cpu, counters,
                a.errorSamples(), series.points());
    }
}

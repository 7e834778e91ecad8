package org.leantta.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.leantta.gateway.Health.Problem;

/**
 * Watches a started gateway and tells the console whether it serves: "running" once the components are active and
 * ready, else what is wrong and where to fix it; then every change (serving again, not serving any more, a refused
 * configuration update). Problems that may be passing (a model loading, a bridge connecting) are reported only when
 * they last longer than {@code patience}; known ones (a refused configuration) at once.
 */
public final class HealthWatch implements AutoCloseable {
    public static final String RUNNING = "gateway: running";

    /** How often to look: until the first report, while not serving, while serving. */
    record Pace(Duration atStart, Duration notServing, Duration serving) {
        static final Pace DEFAULT = new Pace(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** Where the watch learns how the gateway is. */
    @FunctionalInterface
    public interface Source {
        Health health() throws Exception;
    }

    private final Source source;
    private final String webConsoleUrl;
    private final Consumer<String> console;
    private final Duration patience;
    private final Pace pace;
    private final Thread thread;
    private final Set<String> notesShown = new HashSet<>();
    private volatile boolean serving;
    private volatile boolean closed;
    private Boolean reported;
    private List<String> problemsShown = List.of();
    private long unsureSince = -1;
    private String lastFailure;

    private HealthWatch(Source source, String webConsoleUrl, Consumer<String> console, Duration patience, Pace pace) {
        this.source = source;
        this.webConsoleUrl = webConsoleUrl;
        this.console = console;
        this.patience = patience;
        this.pace = pace;
        this.thread = new Thread(this::watch, "leantta-console-watch");
        thread.setDaemon(true);
    }

    /** Starts watching {@code gateway}, printing to {@code console}. */
    public static HealthWatch start(Gateway gateway, Consumer<String> console, Duration patience) {
        return start(gateway::health, gateway.webConsoleUrl(), console, patience);
    }

    /** Starts watching what {@code source} says; fixes are pointed to in the web console at {@code webConsoleUrl}. */
    public static HealthWatch start(Source source, String webConsoleUrl, Consumer<String> console, Duration patience) {
        return start(source, webConsoleUrl, console, patience, Pace.DEFAULT);
    }

    static HealthWatch start(Source source, String webConsoleUrl, Consumer<String> console, Duration patience,
            Pace pace) {
        HealthWatch w = new HealthWatch(source, webConsoleUrl, console, patience, pace);
        w.thread.start();
        return w;
    }

    private void watch() {
        while (!closed) {
            try {
                report(source.health());
                Duration next = reported == null ? pace.atStart() : serving ? pace.serving() : pace.notServing();
                Thread.sleep(next.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception | LinkageError e) {
                if (closed) {
                    return;
                }
                String message = "gateway: cannot check the components: " + e;
                if (!message.equals(lastFailure)) {
                    console.accept(message);
                    lastFailure = message;
                }
                sleepQuietly(pace.notServing());
            }
        }
    }

    private synchronized void report(Health h) {
        if (closed) {
            return;
        }
        notes(h.notes());
        if (h.isServing()) {
            unsureSince = -1;
            if (!Boolean.TRUE.equals(reported)) {
                console.accept(RUNNING + ": " + (reported == null ? "serving " : "now serving ") + h.serving()
                        + "; Ctrl-C stops");
                reported = true;
                serving = true;
                notifyAll();
            }
            return;
        }
        if (h.allSettled()) {
            unsureSince = -1;
        } else if (!patienceOver()) {
            return;
        }
        List<String> problems = h.problems().stream().map(Problem::headline).toList();
        if (!Boolean.FALSE.equals(reported) || !problems.equals(problemsShown)) {
            String headline = reported == null ? "gateway: started, but NOT serving:" : Boolean.TRUE.equals(reported)
                    ? "gateway: NOT serving any more:" : "gateway: still NOT serving:";
            serving = false;
            reported = false;
            problemsShown = problems;
            notServing(h, headline);
        }
    }

    private boolean patienceOver() {
        long now = System.nanoTime();
        if (unsureSince < 0) {
            unsureSince = now;
        }
        return now - unsureSince >= patience.toNanos();
    }

    private void notServing(Health h, String headline) {
        console.accept(headline);
        List<String> pids = new ArrayList<>();
        for (Problem p : h.problems()) {
            console.accept("gateway:   " + p.headline());
            if (p.logged() != null) {
                console.accept("gateway:     its log at " + p.logged());
            }
            if (!pids.contains(p.pid())) {
                pids.add(p.pid());
            }
        }
        for (String pid : pids) {
            console.accept("gateway:   fix it in the web console: " + webConsoleUrl + "/configMgr/" + pid);
        }
        console.accept("gateway:   (watching: the gateway says when it serves)");
    }

    private void notes(List<String> notes) {
        notesShown.retainAll(notes);
        for (String n : notes) {
            if (notesShown.add(n)) {
                console.accept("gateway: note: " + n);
            }
        }
    }

    /** Waits until the gateway serves; false if {@code timeout} passed first. */
    public synchronized boolean awaitServing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!serving) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public boolean serving() {
        return serving;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(10_000);
    }
}

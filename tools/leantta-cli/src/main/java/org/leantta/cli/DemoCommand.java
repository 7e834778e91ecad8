package org.leantta.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruption;
import org.leantta.tooling.shift.Corruptions;
import org.leantta.gateway.Gateway;
import org.leantta.gateway.HealthWatch;
import org.leantta.tooling.shift.StreamItem;
import org.leantta.tooling.shift.Streams;

/**
 * {@code leantta demo}: the gateway runtime, an embedded broker when none is given, and a sensor that replays the
 * Fashion-MNIST test split over MQTT through a changing shift schedule, printing the rolling accuracy of the
 * adapted and the unadapted answers and the shift score, as they come back from the gateway.
 */
final class DemoCommand {
    static final String HELP = """
            leantta demo [options]
              Starts the gateway runtime (as 'leantta run') with an embedded MQTT broker unless --broker is given,
              then replays the test split through it over MQTT, one sample at a time: clean, then each shift, each
              condition for an equal share of --count (or of --duration), so that any run shows every condition.
              Ends with a summary per condition and a chart (PNG and HTML).
              --count N        samples to replay (default: until Ctrl-C)
              --duration S     stop after S seconds
              --every N        print a line every N answers (default: half a condition, at most 250)
              --window N       rolling window of the accuracies (default: one condition, at most 500)
              --block N        samples per condition (default: fit --count, else 1000; with --duration only,
                               the conditions share the time)
              --shifts LIST    the schedule's shifts (default: a mix of families), severity --severity (default 4)
              --chart FILE     the chart of the run, PNG, with an HTML page beside it (default leantta-demo.png)
              --no-chart       no chart
              --gateways N     a fleet: N gateways in group demo (N-1 more './leantta run' processes, each fed the
                               schedule with its shifts in another order) and the fleet monitor's page (default 1)
            """ + GatewayLauncher.OPTIONS;
    static final String SHIFTS = "gaussian-noise,fog,contrast,motion-blur,gain-offset";
    static final int MAX_GATEWAYS = 16;

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * What the demo runs, closed in reverse order of start. Ctrl-C stops the replay, waits for the summary and the
     * chart, then closes.
     */
    private static final class Session implements AutoCloseable {
        volatile EmbeddedBroker broker;
        volatile Gateway gateway;
        volatile HealthWatch watch;
        volatile Replay replay;
        volatile FleetDemo fleet;
        volatile boolean stopping;
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread main = Thread.currentThread();

        void stopAndClose() {
            stopping = true;
            if (replay == null) {
                main.interrupt(); // still starting: nothing to summarize
            }
            try {
                finished.await(30, TimeUnit.SECONDS);
                close();
            } catch (Exception e) {
                System.err.println("leantta: while stopping: " + e.getMessage());
            }
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable c : new AutoCloseable[] {replay, fleet, watch, gateway, broker}) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /** What the user asked for, checked. */
    record Plan(long count, long duration, int every, int window, DemoSchedule schedule, Path chart, int gateways,
                List<Corruption> shifts, ScheduleOf scheduleOf) {
        /** The schedule of a run with these shifts in this order (each sensor's schedule keeps its own clock). */
        interface ScheduleOf {
            DemoSchedule of(List<Corruption> shifts);
        }

        static Plan from(Args args, int datasetSize) {
            long count = args.integer("count", 0);
            long duration = args.integer("duration", 0);
            int block = args.integer("block", 0);
            int severity = args.integer("severity", 4);
            List<Corruption> shifts = args.parsed("shifts", SHIFTS, Corruptions::parse);
            if (count < 0 || duration < 0 || block < 0) {
                throw new Args.UsageException("--count, --duration and --block must be >= 1");
            }
            ScheduleOf scheduleOf = order -> DemoSchedule.of(order, severity, datasetSize, count, duration > 0, block);
            DemoSchedule schedule = scheduleOf.of(shifts);
            int gateways = args.integer("gateways", 1);
            if (gateways < 1 || gateways > MAX_GATEWAYS) {
                throw new Args.UsageException("--gateways must be in 1.." + MAX_GATEWAYS + ", got " + gateways);
            }
            long perCondition = schedule.block() > 0 ? schedule.block() : DemoSchedule.BLOCK;
            int every = args.integer("every", (int) Math.max(1, Math.min(250, perCondition / 2)));
            int window = args.integer("window", (int) Math.min(500, perCondition));
            Path chart = args.flag("no-chart") ? null : args.path("chart", Path.of("leantta-demo.png"));
            if (every < 1 || window < 1) {
                throw new Args.UsageException("--every and --window must be >= 1");
            }
            return new Plan(count == 0 ? Long.MAX_VALUE : count, duration, every, window, schedule, chart, gateways,
                    shifts, scheduleOf);
        }

        long deadline(long startNanos) {
            return duration == 0 ? Long.MAX_VALUE : startNanos + duration * 1_000_000_000L;
        }
    }

    int run(Args args) throws Exception {
        ImageSet data = Shipped.testSet();
        Plan plan = Plan.from(args, data.count());
        GatewayLauncher.Settings settings = GatewayLauncher.Settings.from(args, null, "demo");
        if (plan.gateways() > 1) {
            settings = settings.inGroups(FleetDemo.GROUP);
        }
        args.checkAllUsed();
        long deadline = plan.deadline(System.nanoTime());
        Session session = new Session();
        Thread hook = new Thread(session::stopAndClose, "leantta-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            settings = start(session, settings);
            if (!session.watch.awaitServing(Duration.ofNanos(Math.min(deadline - System.nanoTime(),
                    Duration.ofDays(1).toNanos())))) {
                out.println("demo: the gateway did not serve within --duration");
                return 1;
            }
            String base = "leantta/" + settings.device() + "/";
            out.printf("demo: sensor topic %ssensors/camera, predictions on %spredictions/camera, "
                    + "commands on %scommands/<reset|enable|disable|rollback|status>%n", base, base, base);
            if (plan.gateways() > 1) {
                session.fleet = FleetDemo.start(plan.gateways(), settings.broker(), settings.device(), plan, deadline,
                        () -> session.stopping, out);
            }
            session.replay = new Replay(settings.broker(), base, data, plan.schedule(), out);
            out.printf("demo: replaying the test split: %s; Ctrl-C stops%n", plan.schedule().describe());
            finish(session.replay.run(plan.count(), deadline, plan.every(), plan.window(), () -> session.stopping),
                    plan.chart());
            return 0;
        } finally {
            session.finished.countDown();
            if (!session.stopping) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    session.close();
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C meanwhile: the hook closes everything
                }
            }
        }
    }

    /** The summary per condition and the chart. */
    private void finish(DemoScore score, Path chart) throws Exception {
        Table t = new Table("summary per condition (all answers of the run)", "condition", "samples",
                "source acc %", "adapted acc %", "gain pp", "shift", "p50 ms");
        for (DemoScore.Summary s : score.summaries()) {
            t.row(s.condition(), String.valueOf(s.samples()), String.format("%.1f", s.sourceAccuracy()),
                    String.format("%.1f", s.adaptedAccuracy()),
                    String.format("%+.1f", s.adaptedAccuracy() - s.sourceAccuracy()), String.format("%.4f", s.shift()),
                    String.format("%.2f", s.p50Millis()));
        }
        t.print(out);
        if (chart != null && !score.points().isEmpty()) {
            Path html = DemoChart.write(score, chart);
            out.printf("demo: chart %s, page %s%n", chart.toAbsolutePath(), html.toAbsolutePath());
        }
        out.println("demo: stopped");
    }

    /** The embedded broker unless one is given, the gateway on it and its watch; the settings with the broker. */
    private GatewayLauncher.Settings start(Session session, GatewayLauncher.Settings settings) throws Exception {
        if (settings.broker() == null) {
            session.broker = new EmbeddedBroker();
            settings = new GatewayLauncher.Settings(settings.snapshot(), session.broker.url(), settings.device(),
                    settings.httpPort(), settings.groups());
            out.printf("demo: embedded MQTT broker at %s%n", session.broker.url());
        }
        session.gateway = GatewayLauncher.start(settings, out, true);
        session.watch = HealthWatch.start(session.gateway, out::println, RunCommand.PATIENCE);
        return settings;
    }

}

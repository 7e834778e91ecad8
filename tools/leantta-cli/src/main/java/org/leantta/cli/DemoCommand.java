package org.leantta.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.leantta.gateway.Gateway;
import org.leantta.gateway.HealthWatch;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruption;
import org.leantta.tooling.shift.Corruptions;
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
              then replays the test split through it over MQTT, one sample at a time.
              --count N        samples to replay (default: until Ctrl-C)
              --duration S     stop after S seconds
              --every N        print a line every N samples (default 250)
              --window N       rolling window of the accuracies (default 500)
              --block N        samples per condition of the schedule (default 1000)
              --shifts LIST    the schedule's shifts (default: a mix of families), severity --severity (default 4)
            """ + GatewayLauncher.OPTIONS;

    private final PrintStream out;

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    /** What the demo runs, closed in reverse order of start (a Ctrl-C closes it from the shutdown hook). */
    private static final class Session implements AutoCloseable {
        volatile EmbeddedBroker broker;
        volatile Gateway gateway;
        volatile HealthWatch watch;
        volatile Replay replay;

        @Override
        public void close() throws Exception {
            for (AutoCloseable c : new AutoCloseable[] {replay, watch, gateway, broker}) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    int run(Args args) throws Exception {
        long count = args.integer("count", Integer.MAX_VALUE);
        long duration = args.integer("duration", Integer.MAX_VALUE);
        int every = args.integer("every", 250);
        int window = args.integer("window", 500);
        int block = args.integer("block", 1000);
        int severity = args.integer("severity", 4);
        String shiftSpec = args.string("shifts", "gaussian-noise,fog,contrast,motion-blur,gain-offset");
        GatewayLauncher.Settings settings = GatewayLauncher.Settings.from(args, null, "demo");
        args.checkAllUsed();
        if (count < 1 || duration < 1 || every < 1 || window < 1 || block < 1) {
            throw new Args.UsageException("--count, --duration, --every, --window and --block must be >= 1");
        }
        List<Corruption> shifts = Corruptions.parse(shiftSpec);
        ImageSet data = Shipped.testSet();
        long deadline = System.nanoTime() + Math.min(duration, Long.MAX_VALUE / 2_000_000_000L) * 1_000_000_000L;
        Session session = new Session();
        Thread hook = GatewayLauncher.closeOnExit(session);
        try {
            settings = start(session, settings);
            if (!session.watch.awaitServing(Duration.ofNanos(deadline - System.nanoTime()))) {
                out.println("demo: the gateway did not serve within --duration");
                return 1;
            }
            String base = "leantta/" + settings.device() + "/";
            out.printf("demo: sensor topic %ssensors/camera, predictions on %spredictions/camera, "
                    + "commands on %scommands/<reset|enable|disable|rollback|status>%n", base, base, base);
            session.replay = new Replay(settings.broker(), base, data, schedule(data.count(), shifts, severity, block),
                    out);
            out.printf("demo: replaying the test split, %d samples per condition: clean, then %s at severity %d, "
                    + "repeating; Ctrl-C stops%n", block, shiftSpec, severity);
            session.replay.run(count, deadline, every, window);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return 0; // Ctrl-C: the hook closes everything
            }
            session.close();
        }
        out.println("demo: stopped");
        return 0;
    }

    /** The embedded broker unless one is given, the gateway on it and its watch; the settings with the broker. */
    private GatewayLauncher.Settings start(Session session, GatewayLauncher.Settings settings) throws Exception {
        if (settings.broker() == null) {
            session.broker = new EmbeddedBroker();
            settings = new GatewayLauncher.Settings(settings.snapshot(), session.broker.url(), settings.device(),
                    settings.httpPort());
            out.printf("demo: embedded MQTT broker at %s%n", session.broker.url());
        }
        session.gateway = GatewayLauncher.start(settings, out, true);
        session.watch = HealthWatch.start(session.gateway, out::println, RunCommand.PATIENCE);
        return settings;
    }

    private static List<StreamItem> schedule(int n, List<Corruption> shifts, int severity, int block) {
        List<StreamItem> items = new ArrayList<>(Streams.clean(n, block, 1));
        items.addAll(Streams.persistent(n, shifts, severity, block, 2));
        return items;
    }
}

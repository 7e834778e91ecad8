package org.leantta.cli;

import java.io.PrintStream;
import java.time.Duration;
import org.leantta.gateway.Gateway;
import org.leantta.gateway.HealthWatch;

/** {@code leantta run}: the gateway runtime in the foreground until Ctrl-C. */
final class RunCommand {
    static final String HELP = """
            leantta run [options]
              Starts the gateway runtime (Equinox, SCR, ConfigAdmin, MetaType, EventAdmin, the web console and
              the LeanTTA bundles) configured from a Kura snapshot, until Ctrl-C. It says "gateway: running" once
              the model is ready and the MQTT bridge answers on its broker; else what is wrong, and keeps watching:
              every change (not serving any more, serving again, a refused configuration) gets a line. While it
              serves, a heartbeat line says what it did since the last one: samples/s, inference queue, median
              latency, mean shift score, share out of distribution, samples refused.
              --heartbeat S    seconds between heartbeat lines (default 60)
              --no-heartbeat   no heartbeat lines
            Set LEANTTA_DEBUG=1 for the gateway's debug log and stack traces on the console.
            """ + GatewayLauncher.OPTIONS;
    /** How long a problem that may pass (a model loading, a bridge connecting) may last before it is reported. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final PrintStream out;

    RunCommand(PrintStream out) {
        this.out = out;
    }

    /** A started gateway, the watch that reports on it and the heartbeat (null when off). */
    record Started(Gateway gateway, HealthWatch watch, Heartbeat heartbeat) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            if (heartbeat != null) {
                heartbeat.close();
            }
            watch.close();
            gateway.close();
        }
    }

    int run(Args args) throws Exception {
        GatewayLauncher.Settings s = GatewayLauncher.Settings.from(args, null, null);
        int heartbeat = args.flag("no-heartbeat") ? 0 : args.integer("heartbeat", 60);
        args.checkAllUsed();
        if (heartbeat < 0) {
            throw new Args.UsageException("--heartbeat must be >= 1 (seconds), or give --no-heartbeat");
        }
        Started started = start(s, heartbeat == 0 ? null : Duration.ofSeconds(heartbeat));
        GatewayLauncher.closeOnExit(started);
        started.gateway().awaitStop();
        return 0;
    }

    Started start(GatewayLauncher.Settings s) throws Exception {
        return start(s, null);
    }

    /** Starts the gateway and its watch, and a heartbeat every {@code heartbeat} (null: none). */
    Started start(GatewayLauncher.Settings s, Duration heartbeat) throws Exception {
        Gateway gateway = GatewayLauncher.start(s, out, false);
        HealthWatch watch = HealthWatch.start(gateway, out::println, PATIENCE);
        return new Started(gateway, watch, heartbeat == null ? null
                : Heartbeat.start(gateway::bridgeStatus, out::println, heartbeat));
    }
}

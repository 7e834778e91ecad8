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
              the model is ready and the MQTT bridge answers on its broker; else what is wrong, and keeps watching.
            """ + GatewayLauncher.OPTIONS;
    /** How long a problem that may pass (a model loading, a bridge connecting) may last before it is reported. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final PrintStream out;

    RunCommand(PrintStream out) {
        this.out = out;
    }

    /** A started gateway and the watch that reports on it. */
    record Started(Gateway gateway, HealthWatch watch) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            watch.close();
            gateway.close();
        }
    }

    int run(Args args) throws Exception {
        GatewayLauncher.Settings s = GatewayLauncher.Settings.from(args, null, null);
        args.checkAllUsed();
        Started started = start(s);
        GatewayLauncher.closeOnExit(started);
        started.gateway().awaitStop();
        return 0;
    }

    Started start(GatewayLauncher.Settings s) throws Exception {
        Gateway gateway = GatewayLauncher.start(s, out, false);
        return new Started(gateway, HealthWatch.start(gateway, out::println, PATIENCE));
    }
}

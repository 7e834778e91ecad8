package org.leantta.cli;

import java.io.PrintStream;
import org.leantta.gateway.Gateway;

/** {@code leantta run}: the gateway runtime in the foreground until Ctrl-C. */
final class RunCommand {
    static final String HELP = """
            leantta run [options]
              Starts the gateway runtime (Equinox, SCR, ConfigAdmin, MetaType, EventAdmin, the web console and
              the LeanTTA bundles) configured from a Kura snapshot, until Ctrl-C.
            """ + GatewayLauncher.OPTIONS;

    private final PrintStream out;

    RunCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        GatewayLauncher.Settings s = GatewayLauncher.Settings.from(args, null, null);
        args.checkAllUsed();
        Gateway gateway = GatewayLauncher.start(s, out, false);
        GatewayLauncher.closeOnExit(gateway);
        out.println("gateway: running; Ctrl-C stops");
        gateway.awaitStop();
        return 0;
    }
}

package org.leantta.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.leantta.cli.soak.GatewayProcess;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruption;

/**
 * {@code demo --gateways N}: N-1 more gateways ({@code ./leantta run} processes) on the demo's broker, each fed the
 * test split through the drift schedule with its shifts in another order, and the fleet monitor on the broker.
 * All gateways are in the group {@value #GROUP}.
 */
final class FleetDemo implements AutoCloseable {
    static final String GROUP = "demo";
    private final List<GatewayProcess> gateways = new ArrayList<>();
    private final List<Replay> replays = new ArrayList<>();
    private final ExecutorService feeders;
    private MonitorCommand.Started monitor;

    private FleetDemo(int extra) {
        feeders = Executors.newFixedThreadPool(Math.max(1, extra), r -> {
            Thread t = new Thread(r, "leantta-demo-fleet-sensor");
            t.setDaemon(true);
            return t;
        });
    }

    static String device(String first, int k) {
        return first + "-" + (k + 1);
    }

    /** Starts the other gateways, the monitor and their sensors; the first gateway ({@code first}) runs already. */
    static FleetDemo start(int count, String broker, String first, DemoCommand.Plan plan, long deadline,
            BooleanSupplier stop, PrintStream out) throws Exception {
        FleetDemo fleet = new FleetDemo(count - 1);
        try {
            for (int k = 1; k < count; k++) {
                fleet.gateways.add(GatewayProcess.start(Shipped.home(), broker, device(first, k), GROUP, null,
                        new PrintStream(PrintStream.nullOutputStream())));
            }
            for (GatewayProcess g : fleet.gateways) {
                g.awaitServing(Duration.ofMinutes(3));
            }
            fleet.monitor = MonitorCommand.start(broker, "leantta", 0, "");
            String others = count == 2 ? device(first, 1) : device(first, 1) + ".." + device(first, count - 1);
            out.printf("demo: %d gateways (%s, %s) in group %s; fleet monitor %s  user %s  password %s%n", count,
                    first, others, GROUP, fleet.monitor.server().url(), fleet.monitor.server().user(),
                    fleet.monitor.server().password());
            fleet.feed(count, broker, first, plan, deadline, stop);
            return fleet;
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
    }

    private void feed(int count, String broker, String first, DemoCommand.Plan plan, long deadline,
            BooleanSupplier stop) throws Exception {
        ImageSet data = Shipped.testSet();
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        for (int k = 1; k < count; k++) {
            List<Corruption> shifts = new ArrayList<>(plan.shifts());
            Collections.rotate(shifts, -k);
            Replay r = new Replay(broker, "leantta/" + device(first, k) + "/", data, plan.scheduleOf().of(shifts),
                    quiet);
            replays.add(r);
            feeders.submit(() -> r.run(plan.count(), deadline, plan.every(), plan.window(), stop));
        }
    }

    @Override
    public void close() throws Exception {
        feeders.shutdownNow();
        feeders.awaitTermination(10, TimeUnit.SECONDS);
        List<AutoCloseable> started = new ArrayList<>(gateways);
        if (monitor != null) {
            started.add(monitor);
        }
        started.addAll(replays);
        Resources.closeAll(started);
    }
}

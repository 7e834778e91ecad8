package org.leantta.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.cli.soak.GatewayProcess;
import org.leantta.cli.soak.Mosquitto;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;

/**
 * {@code leantta fleet-bench}: a fleet on this machine through an existing broker topology, a central Mosquitto
 * and site Mosquittos bridged to it; gateways ({@code ./leantta run}) on the sites, the monitor on the central
 * broker. Measures what the bridge carries, what is lost, how late the monitor sees predictions and how long a
 * group reset takes to be answered by every gateway.
 */
final class FleetBenchCommand {
    static final String HELP = """
            leantta fleet-bench [options]
              Starts a central Mosquitto and --sites site Mosquittos bridged to it (QoS 1, persistence), --gateways
              gateways ('./leantta run', group "all") spread over the sites and the monitor on the central broker;
              sensors publish samples to their site broker at --rate samples/s in all for --seconds; then a group
              reset is sent through the central broker. Prints samples sent, predictions seen at the monitor
              through the bridges (and per second), loss, the monitor's lag (sample published -> prediction at the
              monitor) and the group reset's time to its last reply.
              --gateways N   gateways (default 10)
              --sensors N    sensors per gateway (default 10)
              --sites N      site brokers (default 2)
              --rate R       samples per second over all sensors (default 200)
              --seconds S    length of the load (default 30)
            """;
    private static final String GROUP = "all";
    private final PrintStream out;

    FleetBenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        int gateways = args.integer("gateways", 10);
        int sensors = args.integer("sensors", 10);
        int sites = args.integer("sites", 2);
        double rate = args.number("rate", 200f);
        double seconds = args.number("seconds", 30f);
        args.checkAllUsed();
        if (gateways < 1 || sensors < 1 || sites < 1 || rate <= 0 || seconds <= 0) {
            throw new Args.UsageException("--gateways, --sensors, --sites, --rate and --seconds must be > 0");
        }
        List<AutoCloseable> running = new ArrayList<>();
        try {
            Mosquitto central = keep(running, Mosquitto.start("set_tcp_nodelay true\n", true));
            List<Mosquitto> siteBrokers = new ArrayList<>();
            for (int s = 0; s < sites; s++) {
                siteBrokers.add(keep(running, Mosquitto.start("set_tcp_nodelay true\n"
                        + Mosquitto.bridgeTo(central, "site-" + s, "leantta"), true)));
            }
            long startedAt = System.nanoTime();
            List<GatewayProcess> fleet = new ArrayList<>();
            for (int g = 0; g < gateways; g++) {
                fleet.add(keep(running, GatewayProcess.start(Shipped.home(), siteBrokers.get(g % sites).url(),
                        device(g), GROUP, null, new PrintStream(PrintStream.nullOutputStream()))));
            }
            for (GatewayProcess g : fleet) {
                g.awaitServing(Duration.ofMinutes(5));
            }
            out.printf("fleet-bench: %d gateways serving on %d site brokers after %.0f s%n", gateways, sites,
                    (System.nanoTime() - startedAt) / 1e9);
            MonitorCommand.Started monitor = keep(running, MonitorCommand.start(central.url(), "leantta", 0, ""));
            awaitOnline(monitor, gateways);
            Load load = load(siteBrokers, gateways, sensors, rate, seconds, running);
            long expected = load.sent;
            long seen = awaitPredictions(monitor, expected);
            double resetMs = groupReset(monitor, gateways);
            print(gateways, sensors, sites, load, seen, monitor, resetMs);
            return seen == expected ? 0 : 1;
        } finally {
            Resources.closeAll(running);
        }
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> running, T resource) {
        running.add(resource);
        return resource;
    }

    private static String device(int g) {
        return String.format("fleet-gw-%02d", g);
    }

    private void awaitOnline(MonitorCommand.Started monitor, int gateways) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (monitor.view().online().size() < gateways) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + monitor.view().online().size() + " of " + gateways
                        + " gateways online at the monitor after 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** What the sensors sent, and over how long. */
    private record Load(long sent, double seconds) {
    }

    /** Round-robin over every sensor of every gateway, paced, each site's sensors through their own client. */
    private Load load(List<Mosquitto> sites, int gateways, int sensors, double rate, double seconds,
            List<AutoCloseable> running) throws Exception {
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            MqttAsyncClient c = new MqttAsyncClient(sites.get(s).url(), "fleet-bench-sensors-" + s,
                    new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(65_000);
            o.setSocketFactory(NoDelaySockets.INSTANCE);
            c.connect(o).waitForCompletion(10_000);
            keep(running, () -> {
                try {
                    c.disconnect().waitForCompletion(5000);
                } finally {
                    c.close();
                }
            });
            clients.add(c);
        }
        String[] data = samples(64);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        for (long due = start; due < end; due += interval) {
            LockSupport.parkNanos(due - System.nanoTime());
            int g = (int) (sent % gateways);
            int s = (int) (sent / gateways % sensors);
            String json = "{\"id\":\"f" + sent + "\",\"ts\":" + System.currentTimeMillis()
                    + ",\"encoding\":\"uint8\",\"data\":" + data[(int) (sent % data.length)] + "}";
            clients.get(g % sites.size()).publish("leantta/" + device(g) + "/sensors/s" + s,
                    json.getBytes(StandardCharsets.UTF_8), 1, false);
            sent++;
        }
        return new Load(sent, (System.nanoTime() - start) / 1e9);
    }

    private static String[] samples(int n) {
        ImageSet images = Shipped.validationSet();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("[");
            for (float v : images.image(i)) {
                sb.append(sb.length() == 1 ? "" : ",").append(Math.round(v * 255));
            }
            out[i] = sb.append(']').toString();
        }
        return out;
    }

    /** Waits until the monitor has seen every prediction, or nothing new came for 10 s. */
    private static long awaitPredictions(MonitorCommand.Started monitor, long expected) throws InterruptedException {
        long seen = monitor.view().predictions();
        long lastChange = System.currentTimeMillis();
        while (seen < expected && System.currentTimeMillis() - lastChange < 10_000) {
            Thread.sleep(100);
            long now = monitor.view().predictions();
            if (now != seen) {
                seen = now;
                lastChange = System.currentTimeMillis();
            }
        }
        return seen;
    }

    /** Sends a reset to the group through the central broker; the time to its last reply, in ms. */
    private static double groupReset(MonitorCommand.Started monitor, int gateways) throws Exception {
        String id = monitor.commands().send("group", GROUP, "reset");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> replies = monitor.view().replies(id);
            if (replies.size() == gateways) {
                return replies.stream().mapToDouble(x -> ((Number) x.get("afterMs")).doubleValue()).max()
                        .orElse(Double.NaN);
            }
            Thread.sleep(20);
        }
        return Double.NaN;
    }

    private void print(int gateways, int sensors, int sites, Load load, long seen, MonitorCommand.Started monitor,
            double resetMs) {
        List<Double> sorted = monitor.view().lagsMillis();
        Table t = new Table("fleet through bridged brokers (" + gateways + " gateways x " + sensors + " sensors, "
                + sites + " sites)", "sent", "rate /s", "predictions at monitor", "lost", "through the bridges /s",
                "monitor lag p50 ms (median / worst gateway)", "group reset: last reply ms");
        t.row(String.valueOf(load.sent()), String.format("%.0f", load.sent() / load.seconds()), String.valueOf(seen),
                String.valueOf(load.sent() - seen), String.format("%.0f", seen / load.seconds()),
                sorted.isEmpty() ? "-" : String.format("%.0f / %.0f", sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1)), String.format("%.0f", resetMs));
        t.print(out);
        out.println("(through the bridges: predictions counted at the central broker's monitor per second of load; "
                + "samples stay on their site, commands go in and answers out, as in the README's bridge recipe)");
    }
}

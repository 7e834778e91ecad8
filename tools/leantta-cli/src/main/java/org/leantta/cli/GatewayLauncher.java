package org.leantta.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.leantta.gateway.Gateway;
import org.leantta.gateway.GatewayOptions;
import org.leantta.tooling.data.Shipped;

/** Starts the embedded gateway runtime from command-line options; shared by {@code run} and {@code demo}. */
final class GatewayLauncher {
    static final String SNAPSHOT = "kura-config/leantta-snapshot.xml";
    static final String MODEL_PID = "org.leantta.kura.model.LeanTtaModel";
    static final String BRIDGE_PID = "org.leantta.kura.mqtt.MqttBridge";
    static final String OPTIONS = """
              --snapshot FILE  Kura snapshot XML applied as the initial configuration
                               (default kura-config/leantta-snapshot.xml)
              --broker URL     MQTT broker of the bridge, e.g. tcp://localhost:1883 (overrides the snapshot)
              --device ID      device id: the {device} level of the topics (overrides the snapshot)
              --group G[,G..]  fleet groups: also obey {prefix}/fleet/{group}/commands/{command} (overrides the
                               snapshot's groups)
              --http-port N    web console port on 127.0.0.1 (default 8080; 0 picks a free one)
            """;

    private GatewayLauncher() {
    }

    /** The options every gateway command takes; {@code broker}/{@code device} null keep the snapshot's. */
    record Settings(Path snapshot, String broker, String device, int httpPort, String groups) {
        Settings(Path snapshot, String broker, String device, int httpPort) {
            this(snapshot, broker, device, httpPort, null);
        }

        /** The same settings, in these fleet groups. */
        Settings inGroups(String fleetGroups) {
            return new Settings(snapshot, broker, device, httpPort, fleetGroups);
        }

        static Settings from(Args args, String defaultBroker, String defaultDevice) throws Args.UsageException {
            Path snapshot = args.path("snapshot", Shipped.file(SNAPSHOT));
            if (!Files.isRegularFile(snapshot)) {
                throw new Args.UsageException("--snapshot: no such file " + snapshot);
            }
            int port = args.integer("http-port", 8080);
            if (port < 0 || port > 65535) {
                throw new Args.UsageException("--http-port must be in 0..65535, got " + port);
            }
            if (port != 0) {
                requireFree(port);
            }
            return new Settings(snapshot, args.string("broker", defaultBroker), args.string("device", defaultDevice),
                    port, args.string("group", null));
        }
    }

    private static void requireFree(int port) throws Args.UsageException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (java.io.IOException e) {
            throw new Args.UsageException("--http-port " + port + " is in use on 127.0.0.1: give another port, or 0 "
                    + "for any free one");
        }
    }

    static Gateway start(Settings s, PrintStream out, boolean reportSource) throws Exception {
        quietLogs();
        GatewayOptions.Builder b = GatewayOptions.builder().snapshot(s.snapshot()).httpPort(s.httpPort());
        if (s.broker() != null) {
            b.override(BRIDGE_PID, "broker.url", s.broker());
        }
        if (s.device() != null) {
            b.override(BRIDGE_PID, "device.id", s.device());
        }
        if (s.groups() != null) {
            b.override(BRIDGE_PID, "groups", s.groups());
        }
        if (reportSource) {
            b.override(MODEL_PID, "report.source", Boolean.TRUE);
        }
        Gateway gateway = new Gateway(b.build()).start();
        out.printf("gateway: Equinox with the LeanTTA bundles is up (snapshot %s)%n", s.snapshot());
        out.printf("gateway: web console %s  user %s  password %s (generated for this run)%n",
                gateway.webConsoleUrl(), gateway.adminUser(), gateway.adminPassword());
        out.printf("gateway: LeanTTA configuration: %s/configMgr/%s%n", gateway.webConsoleUrl(), gateway.configurationPid(MODEL_PID));
        return gateway;
    }

    /** Held: java.util.logging keeps loggers only weakly, and would forget the level set on it. */
    private static final java.util.logging.Logger LEANTTA_LOG = java.util.logging.Logger.getLogger("org.leantta");

    /**
     * The runtime's bundles log through java.util.logging: warnings and errors only on the console; with
     * LEANTTA_DEBUG set, information from every bundle and debug from LeanTTA's own. A
     * -Djava.util.logging.config.file (in LEANTTA_JAVA_OPTS) decides alone.
     */
    private static void quietLogs() {
        if (System.getProperty("java.util.logging.config.file") == null) {
            boolean debug = System.getenv("LEANTTA_DEBUG") != null;
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            root.setLevel(debug ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
            LEANTTA_LOG.setLevel(debug ? java.util.logging.Level.FINE : null);
            for (java.util.logging.Handler h : root.getHandlers()) {
                h.setLevel(debug ? java.util.logging.Level.FINE : java.util.logging.Level.WARNING);
            }
        }
    }

    /** Closes the gateway on Ctrl-C (and waits for it); returns the hook so a normal end can remove it. */
    static Thread closeOnExit(AutoCloseable... resources) {
        Thread hook = new Thread(() -> {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.err.println("leantta: while stopping: " + e.getMessage());
                }
            }
        }, "leantta-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}

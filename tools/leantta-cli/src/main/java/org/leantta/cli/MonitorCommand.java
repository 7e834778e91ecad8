package org.leantta.cli;

import java.io.PrintStream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.leantta.cli.fleet.FleetCommands;
import org.leantta.cli.fleet.FleetView;
import org.leantta.cli.fleet.MonitorServer;

/** {@code leantta monitor}: a live web page of every gateway under a topic prefix on one broker. */
final class MonitorCommand {
    static final String HELP = """
            leantta monitor [options]
              Subscribes to every gateway under the topic prefix on the broker (with bridged site brokers: the
              central one) and serves a live page on 127.0.0.1: per gateway and sensor the shift score over time,
              the out-of-distribution rate, adapted vs unadapted agreement (where reported), latency, errors,
              online state and the last events; buttons for reset/enable/disable/status per gateway and per group.
              Until Ctrl-C.
              --broker URL     MQTT broker (default tcp://localhost:1883)
              --prefix P       topic prefix of the gateways (default leantta)
              --port N         web page port on 127.0.0.1 (default 8090; 0 picks a free one)
              --token T        the gateways' command token, put in every command (default none)
            """;
    private final PrintStream out;

    MonitorCommand(PrintStream out) {
        this.out = out;
    }

    /** The running monitor: its view of the fleet, its web page and its MQTT client. */
    record Started(FleetView view, MonitorServer server, MqttAsyncClient client, FleetCommands commands)
            implements AutoCloseable {
        @Override
        public void close() throws MqttException {
            server.close();
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(3000);
                }
            } finally {
                client.close();
            }
        }
    }

    int run(Args args) throws Exception {
        String broker = args.string("broker", "tcp://localhost:1883");
        String prefix = args.string("prefix", "leantta");
        int port = args.integer("port", 8090);
        String token = args.string("token", "");
        args.checkAllUsed();
        if (port < 0 || port > 65535) {
            throw new Args.UsageException("--port must be in 0..65535, got " + port);
        }
        Started started = start(broker, prefix, port, token);
        out.printf("monitor: subscribed to %s/+/... on %s%n", prefix, broker);
        out.printf("monitor: page %s  user %s  password %s (generated for this run); Ctrl-C stops%n",
                started.server().url(), started.server().user(), started.server().password());
        GatewayLauncher.closeOnExit(started);
        Thread.currentThread().join();
        return 0;
    }

    static Started start(String broker, String prefix, int port, String token) throws Exception {
        FleetView view = new FleetView(prefix, System::currentTimeMillis);
        MqttAsyncClient client = new MqttAsyncClient(broker, "leantta-monitor-" + ProcessHandle.current().pid() + "-"
                + Long.toString(System.nanoTime() & 0xffffff, 36), new MemoryPersistence());
        client.setCallback(new Feed(client, view));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(1000);
        o.setSocketFactory(NoDelaySockets.INSTANCE);
        try {
            client.connect(o).waitForCompletion(10_000);
        } catch (MqttException e) {
            client.close();
            throw new Args.UsageException("cannot connect to the broker " + broker + ": " + e.getMessage()
                    + " (give --broker URL of the broker the gateways use)");
        }
        FleetCommands commands = new FleetCommands(prefix, token,
                (topic, payload) -> client.publish(topic, payload, 1, false), view);
        return new Started(view, new MonitorServer(port, view, commands), client, commands);
    }

    /** Feeds every message to the view; subscribes again after each (re)connection (clean sessions). */
    private record Feed(MqttAsyncClient client, FleetView view) implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            String[] filters = view.subscriptions();
            try {
                client.subscribe(filters, new int[] {1, 1, 1, 1});
            } catch (MqttException e) {
                System.err.println("monitor: could not subscribe: " + e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            System.err.println("monitor: connection to the broker lost (" + cause + "); reconnecting");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            view.accept(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}

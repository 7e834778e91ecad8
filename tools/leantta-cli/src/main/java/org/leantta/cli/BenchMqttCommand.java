package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leantta.cli.soak.Mosquitto;
import org.leantta.core.Defaults;
import org.leantta.core.graph.Onnx;
import org.leantta.gateway.Gateway;
import org.leantta.onnx.SessionSettings;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;

/**
 * {@code leantta bench-mqtt}: end-to-end latency and throughput of the gateway runtime through an MQTT broker,
 * against raw single-sample inference, for Mosquitto's default and recommended setting.
 */
final class BenchMqttCommand {
    static final String HELP = """
            leantta bench-mqtt [options]
              Starts the gateway runtime (the shipped snapshot: built-in int8 model, hybrid mode) and, unless
              --broker is given, a Mosquitto with its default settings and one with set_tcp_nodelay true. For each:
              the sustained rate (samples answered per second with a window of samples in flight), then the
              end-to-end latency (publish -> prediction received) at half that rate. The sensor's sockets set
              TCP_NODELAY, as publishers should. Raw inference is measured alone and with one other core busy;
              the table shows the gateway's own inference time per sample under load (the predictions'
              latencyMicros), which bounds the rate: the inference thread answers one sample at a time.
              --broker URL        measure through this broker only
              --seconds S         length of each phase (default 5)
              --window N          samples in flight while finding the sustained rate (default 32)
            """;
    private final PrintStream out;

    BenchMqttCommand(PrintStream out) {
        this.out = out;
    }

    /** A broker to measure through and how it is labelled. */
    private record Target(String label, String url, Mosquitto broker) {
    }

    int run(Args args) throws Exception {
        String broker = args.string("broker", null);
        double seconds = args.number("seconds", 5f);
        int window = args.integer("window", 32);
        args.checkAllUsed();
        if (seconds <= 0 || window < 1) {
            throw new Args.UsageException("--seconds must be > 0 and --window >= 1");
        }
        ImageSet test = Shipped.testSet();
        double raw = rawInferencePerSecond(test, false);
        double rawBusy = rawInferencePerSecond(test, true);
        out.printf("bench-mqtt: raw single-sample inference of the gateway's default (hybrid, built-in int8 "
                + "model): %.0f samples/s (%.0f us each); with another core busy: %.0f samples/s (%.0f us)%n", raw,
                1e6 / raw, rawBusy, 1e6 / rawBusy);
        List<String[]> rows = new ArrayList<>();
        for (Target t : targets(broker)) {
            try (Mosquitto ignored = t.broker()) {
                rows.add(measure(t, test.image(0), seconds, window, raw));
            }
        }
        Table table = new Table("end to end through the broker (" + seconds + " s per phase)", "broker",
                "sustained /s", "vs raw", "inference us", "ceiling /s", "p50 ms", "p90 ms", "p99 ms", "answered");
        rows.forEach(table::row);
        table.print(out);
        return 0;
    }

    private List<Target> targets(String broker) throws Exception {
        if (broker != null) {
            return List.of(new Target(broker, broker, null));
        }
        if (!Mosquitto.installed()) {
            throw new Args.UsageException("mosquitto is not installed: install it (apt-get install mosquitto) or "
                    + "give --broker URL");
        }
        Mosquitto plain = Mosquitto.start("");
        Mosquitto fast = Mosquitto.start("set_tcp_nodelay true\n");
        return List.of(new Target("mosquitto (defaults)", plain.url(), plain),
                new Target("mosquitto set_tcp_nodelay true", fast.url(), fast));
    }

    private String[] measure(Target t, float[] sample, double seconds, int window, double raw) throws Exception {
        String device = "bench-" + ProcessHandle.current().pid();
        GatewayLauncher.Settings s = new GatewayLauncher.Settings(
                Shipped.file(GatewayLauncher.SNAPSHOT), t.url(), device, 0);
        try (Gateway gateway = GatewayLauncher.start(s, new PrintStream(PrintStream.nullOutputStream()), false);
             MqttLoad load = new MqttLoad(t.url(), device, sample)) {
            load.awaitGateway(60_000);
            load.saturate(window, Math.min(2, seconds)); // warm-up
            MqttLoad.Phase sustained = load.saturate(window, seconds);
            MqttLoad.Phase paced = load.paced(sustained.rate() / 2, seconds);
            out.printf("bench-mqtt: %s: sustained %.0f/s (%d of %d answered), then %.0f/s paced: %d of %d "
                    + "answered, %d error reports%n", t.label(), sustained.rate(), sustained.answered(),
                    sustained.sent(), sustained.rate() / 2, paced.answered(), paced.sent(),
                    sustained.errors() + paced.errors());
            double micros = sustained.medianInferenceMicros();
            return new String[] {t.label(), String.format("%.0f", sustained.rate()),
                String.format("%.2f", sustained.rate() / raw), String.format("%.0f", micros),
                String.format("%.0f", 1e6 / micros), String.format("%.2f", paced.quantileMillis(0.5)),
                String.format("%.2f", paced.quantileMillis(0.9)), String.format("%.2f", paced.quantileMillis(0.99)),
                paced.answered() + "/" + paced.sent()};
        }
    }

    /**
     * Samples per second of the gateway's default method on one thread, one sample at a time; with {@code busy},
     * while another thread spins (as the broker and the sensor keep the other core busy in the measurement).
     */
    private static double rawInferencePerSecond(ImageSet test, boolean busy) throws Exception {
        ModelProto model = Onnx.read(Shipped.file("models/fmnist-resnet8-int8.onnx"));
        Method hybrid = Method.all(Defaults.RULE, Defaults.LAYERS, Defaults.TAU, Defaults.LAMBDA)
                .get("leantta-hybrid");
        AtomicBoolean spin = new AtomicBoolean(busy);
        Thread spinner = new Thread(() -> {
            long x = 0;
            while (spin.get()) {
                x++;
            }
            Blackhole.sink = x;
        }, "bench-busy-core");
        spinner.setDaemon(true);
        if (busy) {
            spinner.start();
        }
        try (Method.Runner r = hybrid.open(model, SessionSettings.threads(1))) {
            for (int i = 0; i < 300; i++) {
                r.run(test.image(i), 1);
            }
            int n = 3000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                r.run(test.image(i % test.count()), 1);
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            spin.set(false);
        }
    }

    /** Keeps the spinner's count alive so that the loop is not optimized away. */
    private static final class Blackhole {
        static volatile long sink;
    }
}

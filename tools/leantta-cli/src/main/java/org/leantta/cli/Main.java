package org.leantta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Entry point of the {@code ./leantta} launcher. */
public final class Main {
    static final String USAGE = """
            usage: leantta <command> [options]
              demo       the gateway runtime with an embedded broker, fed the test split through changing shifts
                         over MQTT: rolling accuracy of adapted and unadapted answers and the shift score, a
                         summary per condition and a chart at the end
              run        the gateway runtime (Equinox, web console, LeanTTA bundles) from a Kura snapshot
              monitor    a live web page of every gateway on a broker: shift, drift, events; fleet commands
              fleet-bench  gateways on bridged site brokers: throughput, loss, monitor lag, group reset time
              evaluate   error of source, BatchNorm and LeanTTA methods per shift and severity
              bench      per-sample latency and memory of the plain and the LeanTTA session
              bench-mqtt end-to-end latency and sustained rate through an MQTT broker (default vs recommended)
              bench-json time and memory of decoding a 784-value JSON sample and writing a prediction
              quantize   int8 post-training quantization (QDQ) keeping the adaptable layers
              tune       choose LeanTTA's defaults on the validation split (training data)
              soak       the gateway runtime under a long sustained load: every sample answered, RSS over time
              threshold  shift-score quantiles on the validation split and the out-of-distribution threshold
              charts     the README's charts (PNG) from the committed results under models/results
              test       all tests (mvn -B verify); as root, first installs the Debian packages they need
              java-options [COMMAND]  the JVM options COMMAND runs with (default run): run and demo get the
                         gateway's limits from features/gateway/jvm.options, then LEANTTA_JAVA_OPTS, which wins
              version    the version of leantta (also --version)
              help       this text; 'leantta <command> --help' for a command's options
            Environment: LEANTTA_JAVA_OPTS extra JVM options; LEANTTA_DEBUG=1 stack traces of errors and the
            gateway's debug log; LEANTTA_NO_BUILD=1 never rebuild before running.
            """;
    /** The commands this program runs; 'test' and 'java-options' are the launcher script's own. */
    static final List<String> COMMANDS = List.of("demo", "run", "monitor", "evaluate", "bench", "bench-mqtt",
            "bench-json", "fleet-bench", "quantize", "tune", "soak", "threshold", "charts", "test", "java-options",
            "version", "help");
    /** Options that take no value, in any command. */
    static final Set<String> FLAGS = Set.of("no-clean", "help", "profile", "plain", "no-heartbeat", "no-chart");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        String help = help(command);
        if (command.equals("version") || command.equals("--version")) {
            out.println("leantta " + version());
            return 0;
        }
        if (command.equals("help") || command.equals("--help") || hasHelp(args)) {
            out.print(help);
            return 0;
        }
        try {
            Args a = new Args(args, 1, FLAGS);
            return switch (command) {
                case "demo" -> new DemoCommand(out).run(a);
                case "run" -> new RunCommand(out).run(a);
                case "soak" -> new SoakCommand(out).run(a);
                case "threshold" -> new ThresholdCommand(out).run(a);
                case "evaluate" -> new EvaluateCommand(out).run(a);
                case "bench" -> new BenchCommand(out).run(a);
                case "bench-mqtt" -> new BenchMqttCommand(out).run(a);
                case "monitor" -> new MonitorCommand(out).run(a);
                case "fleet-bench" -> new FleetBenchCommand(out).run(a);
                case "bench-json" -> new BenchJsonCommand(out).run(a);
                case "tune" -> new TuneCommand(out).run(a);
                case "quantize" -> new QuantizeCommand(out).run(a);
                case "charts" -> new ChartsCommand(out).run(a);
                default -> throw unknownCommand(command);
            };
        } catch (Args.UsageException e) {
            err.println("leantta " + command + ": " + e.getMessage());
            err.print(help);
            return 2;
        } catch (Exception e) {
            err.println("leantta " + command + ": " + e.getMessage());
            if (System.getenv("LEANTTA_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static String help(String command) {
        return switch (command) {
            case "demo" -> DemoCommand.HELP;
            case "run" -> RunCommand.HELP;
            case "soak" -> SoakCommand.HELP;
            case "threshold" -> ThresholdCommand.HELP;
            case "evaluate" -> EvaluateCommand.HELP;
            case "bench" -> BenchCommand.HELP;
            case "bench-mqtt" -> BenchMqttCommand.HELP;
            case "bench-json" -> BenchJsonCommand.HELP;
            case "monitor" -> MonitorCommand.HELP;
            case "fleet-bench" -> FleetBenchCommand.HELP;
            case "tune" -> TuneCommand.HELP;
            case "quantize" -> QuantizeCommand.HELP;
            case "charts" -> ChartsCommand.HELP;
            default -> USAGE;
        };
    }

    private static Args.UsageException unknownCommand(String command) {
        String hint = Args.closest(command.replaceFirst("^-+", ""), COMMANDS);
        return new Args.UsageException("unknown command '" + command + "'"
                + (hint == null ? "" : "; did you mean '" + hint + "'?"));
    }

    /** The project version the jar was built from. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return p.getProperty("version", "(unknown version)");
    }

    private static boolean hasHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }
}

package org.leantta.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.leantta.cli.soak.Soak;
import org.leantta.cli.soak.SoakResult;
import org.leantta.core.json.Json;
import org.leantta.tooling.data.Shipped;

/** {@code leantta soak}: the gateway runtime under a long sustained load, its resident memory sampled. */
final class SoakCommand {
    static final String HELP = """
            leantta soak [options]
              Starts a Mosquitto (unless --broker is given) and './leantta run' on it, streams samples at a
              sustained rate over several sensor topics, reads the gateway's RSS from /proc every few seconds, checks
              that every sample was answered (a prediction or an error report) and writes the figures as JSON.
              Exit code 1 when a sample went unanswered or the RSS passed --max-rss-mb.
              --count N          samples to send (default 1000000)
              --rate N           samples per second (default 600)
              --sensors N        sensor topics, samples spread round-robin (default 8)
              --sample-seconds S RSS sampling period (default 5)
              --max-rss-mb N     RSS ceiling checked at the end (default 256)
              --broker URL       an existing broker instead of a fresh Mosquitto
              --gateway-java-opts "..."  LEANTTA_JAVA_OPTS for the gateway only (default: this process's)
              --out FILE         result file (JSON; default: none)
            """;

    private final PrintStream out;

    SoakCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        int count = args.integer("count", 1_000_000);
        int rate = args.integer("rate", 600);
        int sensors = args.integer("sensors", 8);
        int sampleSeconds = args.integer("sample-seconds", 5);
        int maxRss = args.integer("max-rss-mb", 256);
        String broker = args.string("broker", null);
        String javaOpts = args.string("gateway-java-opts", null);
        Path outFile = args.path("out", null);
        args.checkAllUsed();
        if (count < 1 || rate < 1 || sensors < 1 || sampleSeconds < 1 || maxRss < 1) {
            throw new Args.UsageException("--count, --rate, --sensors, --sample-seconds and --max-rss-mb must be >= 1");
        }
        SoakResult r = Soak.run(new Soak.Settings(Shipped.home(), broker, count, rate, sensors, sampleSeconds,
                javaOpts, Duration.ofSeconds(120)), out);
        if (outFile != null) {
            Files.writeString(outFile, Json.write(r.toMap()) + "\n");
            out.printf("soak: result written to %s%n", outFile);
        }
        return report(r, maxRss) ? 0 : 1;
    }

    private boolean report(SoakResult r, int maxRss) {
        out.printf("soak: sent %,d, answered %,d (%,d predictions, %,d error reports), missing %,d, duplicates %,d, "
                + "in %.0f s (%.0f/s)%n", r.sent(), r.answered(), r.predictions(), r.errorReports(), r.missing(),
                r.duplicates(), r.seconds(), r.rate());
        out.printf("soak: RSS MB idle %.1f, first tenth max %.1f, last tenth max %.1f, max %.1f, end %.1f%n",
                r.rssIdleMb(), r.rssFirstTenthMb(), r.rssLastTenthMb(), r.rssMaxMb(), r.rssEndMb());
        out.printf("soak: gateway CPU %.1f s (%.2f ms a sample); its counters %s%n", r.cpuSeconds(),
                r.sent() > 0 ? r.cpuSeconds() * 1000 / r.sent() : 0, r.gatewayCounters());
        r.errorSamples().forEach(e -> out.println("soak: error report: " + e));
        boolean ok = r.allAnswered() && r.rssMaxMb() <= maxRss;
        out.printf("soak: %s%n", ok ? "every sample answered, RSS within " + maxRss + " MB"
                : (r.allAnswered() ? "" : r.missing() + " samples unanswered; ")
                        + (r.rssMaxMb() <= maxRss ? "" : "RSS above " + maxRss + " MB"));
        return ok;
    }
}

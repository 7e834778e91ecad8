package org.leantta.cli.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a soak measured. RSS figures in MB: {@code idle} before the load, {@code firstTenth}/{@code lastTenth} the
 * largest of the first and the last tenth of the readings under load, {@code max} over the whole run, {@code end}
 * once every answer was in. {@code cpuSeconds}: the gateway's CPU time (user + system) during the load.
 */
public record SoakResult(Map<String, Object> setup, long sent, long predictions, long errorReports, long missing,
        long duplicates, double seconds, double rssIdleMb, double rssFirstTenthMb, double rssLastTenthMb,
        double rssMaxMb, double rssEndMb, double cpuSeconds, Map<String, Object> gatewayCounters,
        List<String> errorSamples, List<Series.Point> series) {

    public long answered() {
        return predictions + errorReports;
    }

    /** Every sample answered once at least, as a prediction or an error report. */
    public boolean allAnswered() {
        return missing == 0 && answered() == sent;
    }

    public double rate() {
        return seconds > 0 ? sent / seconds : 0;
    }

    /** JSON-friendly values, the series last. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(setup);
        m.put("sent", sent);
        m.put("answered", answered());
        m.put("predictions", predictions);
        m.put("errorReports", errorReports);
        m.put("missing", missing);
        m.put("duplicates", duplicates);
        m.put("seconds", round(seconds));
        m.put("ratePerSecond", round(rate()));
        Map<String, Object> rss = new LinkedHashMap<>();
        rss.put("idle", round(rssIdleMb));
        rss.put("firstTenthMax", round(rssFirstTenthMb));
        rss.put("lastTenthMax", round(rssLastTenthMb));
        rss.put("max", round(rssMaxMb));
        rss.put("end", round(rssEndMb));
        m.put("rssMb", rss);
        m.put("gatewayCpuSeconds", round(cpuSeconds));
        m.put("gatewayCpuMsPerSample", sent > 0 ? Math.round(cpuSeconds * 1e6 / sent) / 1000.0 : 0);
        m.put("gatewayCounters", gatewayCounters);
        m.put("errorSamples", errorSamples);
        List<Object> rows = new ArrayList<>();
        for (Series.Point p : series) {
            rows.add(List.of(round(p.seconds()), p.sent(), p.answered(), p.rssKb()));
        }
        m.put("seriesColumns", List.of("seconds", "sent", "answered", "rssKb"));
        m.put("series", rows);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

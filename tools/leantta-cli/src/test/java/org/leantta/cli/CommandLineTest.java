package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.tooling.data.Idx;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.data.Shipped;
import org.leantta.tooling.shift.Corruptions;

/** The command line as a user runs it: exit codes, tables, JSON, external data. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void evaluatePrintsTablesAndWritesTheJsonSummary() throws Exception {
        Path json = tmp.resolve("r.json");
        int code = run("evaluate", "--limit", "192", "--shifts", "gaussian-noise,fog", "--severities", "3",
                "--json", json.toString());
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("error % -- clean", "error % -- severity 3", "reduction vs source",
                "gaussian-noise", "fog", "shift score of 'leantta'");
        String j = Files.readString(json);
        for (String m : new String[] {"source", "bn-sample", "bn-batch64", "leantta", "leantta-paper", "leantta-code"}) {
            assertThat(meanError(j, m)).as(m).isBetween(0.0, 1.0);
        }
        // batch-1 sample statistics destroy a BatchNorm network: the naive baseline must be far worse
        assertThat(meanError(j, "bn-sample")).isGreaterThan(meanError(j, "source") + 0.2);
    }

    @Test
    void evaluateTakesAnyIdxPairAsGiven() throws Exception {
        ImageSet test = Shipped.testSet().limit(100);
        float[][] imgs = new float[100][];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            imgs[i] = Corruptions.apply(Corruptions.byName("contrast"), test.image(i), 1, 28, 28, 5, 9, i);
            labels[i] = test.label(i);
        }
        Path images = tmp.resolve("images-idx3-ubyte");
        Path lbls = tmp.resolve("labels-idx1-ubyte");
        Idx.write(images, lbls, 1, 28, 28, imgs, labels);
        Path json = tmp.resolve("given.json");
        int code = run("evaluate", "--images", images.toString(), "--labels", lbls.toString(), "--shifts", "none",
                "--methods", "source,leantta", "--json", json.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("data as given").doesNotContain("severity 3");
        assertThat(Files.readString(json)).contains("\"n\": 100");
    }

    @Test
    void unknownMethodIsAUsageErrorListingTheMethods() {
        assertThat(run("evaluate", "--methods", "tent")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown method 'tent'", "bn-batch64");
    }

    @Test
    void unknownOptionAndBadSeverityAreUsageErrors() {
        assertThat(run("evaluate", "--severity", "3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --severity");
        assertThat(run("evaluate", "--severities", "7")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected numbers 1..5");
    }

    @Test
    void missingDataFileIsAClearError() {
        assertThat(run("evaluate", "--images", "/nonexistent/i.gz", "--labels", "/nonexistent/l.gz")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/nonexistent/");
    }

    @Test
    void benchPrintsTheLatencyRatio() {
        int code = run("bench", "--warmup", "20", "--iterations", "50");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(
                "adaptation latency ratio \\(median, fp32 leantta / fp32 plain\\): \\d+\\.\\d\\dx")
                .containsPattern("hybrid latency ratio \\(median, fp32 hybrid / fp32 leantta\\): \\d+\\.\\d\\dx");
    }

    static double meanError(String json, String method) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(method) + "\": \\{[^}]*?\"meanError\": ([0-9.eE-]+)")
                .matcher(json);
        assertThat(m.find()).as("meanError of " + method).isTrue();
        return Double.parseDouble(m.group(1));
    }
}

package org.leantta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's charts from the committed results; the text tables they are read from. */
class ChartsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void drawsEveryChartFromTheCommittedResults() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"charts", "--out", tmp.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString()).isZero();
        for (String name : List.of("evaluate-fp32.png", "evaluate-int8.png", "hybrid.png", "latency.png")) {
            assertThat(ImageIO.read(tmp.resolve(name).toFile())).as(name).isNotNull();
        }
    }

    @Test
    void readsBackATableAsTheCommandLinePrintsIt() {
        String text = "### persistent: a stream\nerror % -- everything evaluated\nshift      n  source  leantta\n"
                + "------------------------------\nfog     1000   82.80    72.50\nmean    2000   41.06    37.42\n"
                + "reduction vs source      +8.9%\n\n";
        ResultText.Block b = ResultText.parse(text).get(0);
        assertThat(b.section()).startsWith("persistent");
        assertThat(b.value("mean", "leantta")).isEqualTo(37.42);
        assertThat(b.value("fog", "source")).isEqualTo(82.80);
        assertThat(b.value("missing", "source")).isNaN();
    }
}

package org.leantta.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on standard error, so that its tables on standard output stay clean: a bar with
 * rate and ETA on a terminal; one line every {@value #LINE_EVERY_MILLIS} ms when the output is a file or a pipe.
 * Steps may come from several threads.
 */
final class Progress implements AutoCloseable {
    static final int LINE_EVERY_MILLIS = 10_000;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A task of {@code total} units (a negative total: unknown, elapsed time only). */
    static Progress start(String task, long total, String unit) {
        return start(task, total, unit, System.console() != null, System.err);
    }

    static Progress start(String task, long total, String unit, boolean terminal, PrintStream err) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII);
        if (total >= 0) {
            b.setUnit(" " + unit, 1).showSpeed();
        } else {
            b.hideEta(); // unknown length: the elapsed time only
        }
        if (terminal) {
            b.setUpdateIntervalMillis(500).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err));
        } else {
            b.setUpdateIntervalMillis(LINE_EVERY_MILLIS).setMaxRenderedLength(100)
                    .setConsumer(new DelegatingProgressBarConsumer(err::println, 100));
        }
        return new Progress(b.build());
    }

    void step() {
        bar.step();
    }

    void step(long n) {
        bar.stepBy(n);
    }

    long current() {
        return bar.getCurrent();
    }

    @Override
    public void close() {
        bar.close();
    }
}

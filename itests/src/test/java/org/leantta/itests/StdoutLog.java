package org.leantta.itests;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The log lines the framework prints while a test runs. In these tests the bundles' slf4j calls reach Pax
 * Logging's fallback log, which prints warnings and errors on standard output (as Kura's log4j writes kura.log);
 * this keeps a copy of what it prints from now until {@link #close()}.
 */
final class StdoutLog implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    StdoutLog() {
        System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
    }

    /** The lines printed so far that contain every one of {@code parts}, ignoring case. */
    List<String> lines(String... parts) {
        String text;
        synchronized (copy) {
            text = copy.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(l -> containsAll(l.toLowerCase(Locale.ROOT), parts)).toList();
    }

    private static boolean containsAll(String line, String... parts) {
        for (String p : parts) {
            if (!line.contains(p.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (second) {
                second.write(b, off, len);
            }
            try {
                first.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is gone: the copy is what the test reads
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}

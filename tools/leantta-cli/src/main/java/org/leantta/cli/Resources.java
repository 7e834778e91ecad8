package org.leantta.cli;

import java.util.List;

/** Closing what a command started, in reverse order of start, every one even when another fails. */
final class Resources {
    private Resources() {
    }

    /** Closes them all, last first; throws the first failure with the others suppressed. */
    static void closeAll(List<? extends AutoCloseable> started) throws Exception {
        Exception first = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

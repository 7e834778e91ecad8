package org.leantta.gateway;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The last warning or error a component logged. The runtime's bundles log through slf4j to java.util.logging,
 * so a handler on the component's logger sees what it tells the log, including why it refused a configuration.
 */
final class ComponentLog extends Handler {
    private static final SimpleFormatter FORMAT = new SimpleFormatter();
    /** Held here: java.util.logging keeps loggers only weakly, and with them their handlers. */
    private final Logger logger;
    private volatile String last;

    private ComponentLog(Logger logger) {
        this.logger = logger;
        setLevel(Level.WARNING);
    }

    /** Starts listening to {@code loggerName} and the loggers below it. */
    static ComponentLog attach(String loggerName) {
        ComponentLog log = new ComponentLog(Logger.getLogger(loggerName));
        log.logger.addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord r) {
        if (isLoggable(r)) {
            last = LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ": " + FORMAT.formatMessage(r);
        }
    }

    /** The last warning or error after its time of day ({@code "14:03:07: cannot connect ..."}), or null. */
    String last() {
        return last;
    }

    void clear() {
        last = null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

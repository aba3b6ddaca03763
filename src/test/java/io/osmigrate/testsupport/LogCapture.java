package io.osmigrate.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects what osmigrate logs (loggers under {@code io.osmigrate}, at their configured levels) while it is
 * open: each event's message and, when it has one, its exception's stack trace. For tests that check what
 * reaches the log. Close it to detach. Thread-safe.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Logger logger;

    public LogCapture() {
        this("io.osmigrate");
    }

    /** Collects what one configured logger logs (e.g. org.apache.camel.Tracing, Camel's tracer). */
    public LogCapture(String loggerName) {
        super("test-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        this.logger = (Logger) LogManager.getLogger(loggerName);
        start();
        logger.addAppender(this);
    }

    @Override
    public synchronized void append(LogEvent event) {
        StringBuilder b = new StringBuilder(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            b.append('\n').append(trace);
        }
        lines.add(b.toString());
    }

    /** Everything logged so far, one event per line (stack traces span several). */
    public synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}

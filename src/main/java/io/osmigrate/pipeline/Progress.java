package io.osmigrate.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far the current entity is: a line redrawn in place on a terminal, a log line every
 * interval otherwise. Reads the entity's counters from its own thread; thread-safe.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private volatile EntityStats current;
    private volatile long expected;
    private volatile long lastRead;
    private volatile long lastNanos;

    public Progress(Duration interval, boolean terminal) {
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "osm-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 500 : interval.toMillis();
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** The console's own choice: redraw in place only when stderr is an interactive terminal. */
    public static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    public void start(EntityStats stats, long expectedRows) {
        current = stats;
        expected = expectedRows;
        lastRead = 0;
        lastNanos = System.nanoTime();
    }

    public void finish(EntityStats stats) {
        if (terminal) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
        current = null;
    }

    private void tick() {
        EntityStats s = current;
        if (s == null) {
            return;
        }
        long read = s.read();
        long now = System.nanoTime();
        double rate = (read - lastRead) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastRead = read;
        lastNanos = now;
        String line = String.format(Locale.ROOT, "%s: %,d of %,d rows (%,.0f rows/s)", s.entity(), read, expected, rate);
        if (terminal) {
            System.err.print("\r\033[K" + line);
            System.err.flush();
        } else {
            LOG.info("Progress {}", line);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

package io.osmigrate.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far the data phase is: the current entity (rows read of its source rows, rows/s), then the
 * phase as a whole once {@link #expect} has told it what is planned (entities done of total, rows read of
 * total, ETA). A line redrawn in place on a terminal, a log line every interval otherwise. Reads the
 * entity's counters from its own thread; thread-safe.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService ticker;
    private volatile EntityStats current;
    private volatile long expected;
    private volatile long lastRead;
    private volatile long lastNanos;
    private volatile int totalEntities;
    private volatile long totalRows;
    private volatile long phaseStartNanos;
    private volatile int entitiesDone;
    private volatile long rowsDone;
    private final RunBoard board;

    /** Also showing each table on the board as it starts and ends. */
    public Progress(Duration interval, boolean terminal, RunBoard board) {
        this(interval, terminal, System::nanoTime, board);
    }

    /** With the clock given (tests). */
    Progress(Duration interval, boolean terminal, LongSupplier nanoTime) {
        this(interval, terminal, nanoTime, new RunBoard());
    }

    private Progress(Duration interval, boolean terminal, LongSupplier nanoTime, RunBoard board) {
        this.board = board;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
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

    /** What the phase will move: the overall part of the line counts against these. */
    public void expect(int entities, long rows) {
        totalEntities = entities;
        totalRows = rows;
        entitiesDone = 0;
        rowsDone = 0;
        phaseStartNanos = nanoTime.getAsLong();
        board.planned(rows);
    }

    public void start(EntityStats stats, long expectedRows) {
        current = stats;
        expected = expectedRows;
        lastRead = 0;
        lastNanos = nanoTime.getAsLong();
        board.started(stats, expectedRows);
    }

    public void finish(EntityStats stats) {
        board.finished(stats);
        if (terminal) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
        current = null;
        entitiesDone++;
        rowsDone += stats.read();
    }

    /** The line as it stands; null between entities. Advances the rows/s window. */
    String line() {
        EntityStats s = current;
        if (s == null) {
            return null;
        }
        long read = s.read();
        long now = nanoTime.getAsLong();
        double rate = (read - lastRead) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastRead = read;
        lastNanos = now;
        String entity = String.format(Locale.ROOT, "%s: %,d of %,d rows (%,.0f rows/s)", s.entity(), read, expected, rate);
        if (totalEntities == 0) {
            return entity;
        }
        long overall = rowsDone + read;
        double seconds = (now - phaseStartNanos) / 1e9;
        double overallRate = seconds <= 0 ? 0 : overall / seconds;
        String eta = overallRate <= 0 ? "unknown" : clock(Math.max(0, totalRows - overall) / overallRate);
        return String.format(Locale.ROOT, "entity %d of %d, %s | overall %,d of %,d rows (%d%%), ETA %s",
                Math.min(entitiesDone + 1, totalEntities), totalEntities, entity, overall, totalRows,
                totalRows == 0 ? 100 : Math.min(100, overall * 100 / totalRows), eta);
    }

    private void tick() {
        String line = line();
        if (line == null) {
            return;
        }
        if (terminal) {
            System.err.print("\r\033[K" + line);
            System.err.flush();
        } else {
            LOG.info("Progress {}", line);
        }
    }

    /** h:mm:ss, or m:ss under an hour. */
    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

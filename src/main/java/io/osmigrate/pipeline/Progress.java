package io.osmigrate.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far the data phase is: the current entity, or the entities moved at the same time
 * (osmigrate.tables-at-once), each with rows read of its source rows and rows/s, then the phase as a whole
 * once {@link #expect} has told it what is planned (entities done of total, rows read of total, ETA). A line
 * redrawn in place on a terminal, a log line every interval otherwise. Reads the entities' counters from its
 * own thread; thread-safe.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService ticker;
    /** The entities being moved, in the order they started, each with the window its rows/s is measured over. */
    private final Map<EntityStats, Window> current = new LinkedHashMap<>();
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
    public synchronized void expect(int entities, long rows) {
        totalEntities = entities;
        totalRows = rows;
        entitiesDone = 0;
        rowsDone = 0;
        phaseStartNanos = nanoTime.getAsLong();
        board.planned(rows);
    }

    public synchronized void start(EntityStats stats, long expectedRows) {
        current.put(stats, new Window(expectedRows, nanoTime.getAsLong()));
        board.started(stats, expectedRows);
    }

    public synchronized void finish(EntityStats stats) {
        board.finished(stats);
        if (terminal) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
        current.remove(stats);
        entitiesDone++;
        rowsDone += stats.read();
    }

    /** The line as it stands; null between entities. Advances the rows/s windows. */
    synchronized String line() {
        if (current.isEmpty()) {
            return null;
        }
        long now = nanoTime.getAsLong();
        long reading = 0;
        StringJoiner entities = new StringJoiner("; ");
        for (Map.Entry<EntityStats, Window> e : current.entrySet()) {
            long read = e.getKey().read();
            Window w = e.getValue();
            double rate = (read - w.lastRead) / Math.max(1e-9, (now - w.lastNanos) / 1e9);
            w.lastRead = read;
            w.lastNanos = now;
            reading += read;
            entities.add(String.format(Locale.ROOT, "%s: %,d of %,d rows (%,.0f rows/s)", e.getKey().entity(), read,
                    w.expected, rate));
        }
        if (totalEntities == 0) {
            return entities.toString();
        }
        long overall = rowsDone + reading;
        double seconds = (now - phaseStartNanos) / 1e9;
        double overallRate = seconds <= 0 ? 0 : overall / seconds;
        String eta = overallRate <= 0 ? "unknown" : clock(Math.max(0, totalRows - overall) / overallRate);
        int first = Math.min(entitiesDone + 1, totalEntities);
        int last = Math.min(entitiesDone + current.size(), totalEntities);
        return String.format(Locale.ROOT, "%s of %d, %s | overall %,d of %,d rows (%d%%), ETA %s",
                first == last ? "entity " + first : "entities " + first + "-" + last, totalEntities, entities,
                overall, totalRows, totalRows == 0 ? 100 : Math.min(100, overall * 100 / totalRows), eta);
    }

    /** An entity's expected rows and the window its rows/s is measured over (the last line's time and count). */
    private static final class Window {
        final long expected;
        long lastRead;
        long lastNanos;

        Window(long expected, long startNanos) {
            this.expected = expected;
            this.lastNanos = startNanos;
        }
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

package io.osmigrate.state;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's hold on two environments ({@link RunLocks#acquire}): its lease is renewed from a thread of its own
 * until it is closed, which gives the environments back. A renewal that fails (the state store unreachable for a
 * moment) is tried again at the next one; the lease outlives three. Thread-safe.
 */
public final class RunLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

    private final RunLocks locks;
    private final String source;
    private final String destination;
    private final String runId;
    private final ScheduledExecutorService renewer;
    private volatile boolean lost;

    RunLock(RunLocks locks, String source, String destination, String runId, Duration renewEvery) {
        this.locks = locks;
        this.source = source;
        this.destination = destination;
        this.runId = runId;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "osm-run-lock-" + runId);
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String runId() {
        return runId;
    }

    /** Whether another run took the environments over because this one's lease ran out. */
    public boolean lost() {
        return lost;
    }

    private void renew() {
        try {
            if (!locks.renew(source, destination, runId)) {
                lost = true;
                LOG.error("Run {} no longer holds {} → {}: its lease ran out (the state store could not be reached to renew it)"
                        + " and another run took them over. Two runs may now write between them; stop one", runId, source,
                        destination);
                renewer.shutdown();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Run {}: cannot renew its hold on {} → {} ({}); trying again", runId, source, destination, e.getMessage());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lost) {
            return;
        }
        try {
            locks.release(source, destination, runId);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Run {}: cannot give {} → {} back ({}); its hold lapses with its lease", runId, source, destination,
                    e.getMessage());
        }
    }
}

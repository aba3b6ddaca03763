package io.osmigrate.pipeline;

/**
 * A request that the runs of one process stop early, on SIGTERM or when the route host stops. A run
 * sees it between phases, between entities and before handing the next batch to its writers: the
 * batches already in flight finish their write protocol (committed and recorded, or rolled back), no
 * new batch starts, and the run ends as stopped, so nothing is half-written and the next run resumes
 * where this one stopped. Thread-safe.
 */
public final class StopSignal {

    private volatile String reason;

    /** Asks the runs to stop; the first reason given is the one reported. */
    public synchronized void request(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    /** Why the runs were asked to stop ("SIGTERM", "the host is stopping"), or null. */
    public String reason() {
        return reason;
    }

    public boolean isRequested() {
        return reason != null;
    }

    /** Throws {@link RunStoppedException} when a stop was requested; {@code where} says what was about to start. */
    public void check(String where) {
        String why = reason;
        if (why != null) {
            throw new RunStoppedException("stopped (" + why + ") before " + where
                    + "; every batch written so far is committed and recorded, nothing is half-written. Run again to resume"
                    + " where it stopped");
        }
    }
}

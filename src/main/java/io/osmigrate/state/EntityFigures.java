package io.osmigrate.state;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened to one entity in one phase of a run.
 *
 * @param skipped         rows that already had a pair from an earlier run, so were not inserted again
 * @param nulled          references left empty because they could not be resolved and were optional
 * @param deferredUpdates rows updated: their deferred references set after their cycle group (deferred), or
 *                        their values brought up to date with the source (refresh); the report's "updated"
 * @param deleted         rows the clean phase deleted
 */
public record EntityFigures(String entity, String phase, String state, long read, long inserted, long matched,
                            long skipped, long deadLettered, long nulled, long deferredUpdates, long deleted, Instant startedAt,
                            Instant finishedAt) {

    public Duration duration() {
        return finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }

    /** Rows read per second. */
    public double rowsPerSecond() {
        double seconds = duration().toNanos() / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }
}

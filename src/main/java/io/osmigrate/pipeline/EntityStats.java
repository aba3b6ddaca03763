package io.osmigrate.pipeline;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.osmigrate.state.EntityFigures;

/** Running counters of one table in one phase (or step of the data phase). Thread-safe. */
public final class EntityStats {

    final AtomicLong read = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong nulled = new AtomicLong();
    final AtomicLong deferredUpdates = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    private final String entity;
    private final Phase phase;
    private final Instant startedAt = Instant.now();
    private volatile Instant finishedAt;
    private volatile String state = "done";

    public EntityStats(String entity, Phase phase) {
        this.entity = entity;
        this.phase = phase;
    }

    /** Rows found already moved before the table was read (a top-up's identifier scan). */
    public void countSkipped(long rows) {
        skipped.addAndGet(rows);
    }

    /** Rows a clean step deleted. */
    public void deleted(long rows) {
        deleted.set(rows);
    }

    public long deleted() {
        return deleted.get();
    }

    public long inserted() {
        return inserted.get();
    }

    public long matched() {
        return matched.get();
    }

    public long skipped() {
        return skipped.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long read() {
        return read.get();
    }

    public String entity() {
        return entity;
    }

    public Phase phase() {
        return phase;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Stops the clock: the entity is done. */
    public void finish() {
        if (finishedAt == null) {
            finishedAt = Instant.now();
        }
    }

    /** The table stopped the run. */
    public void markFailed() {
        state = "failed";
    }

    /** The table ended early, between two batches, because the run was asked to stop. */
    public void markStopped() {
        state = "stopped";
    }

    public EntityFigures figures() {
        return new EntityFigures(entity, phase.wire(), state, read.get(), inserted.get(), matched.get(), skipped.get(),
                deadLettered.get(), nulled.get(), deferredUpdates.get(), deleted.get(), startedAt,
                finishedAt == null ? Instant.now() : finishedAt);
    }
}

package io.osmigrate.pipeline;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.osmigrate.state.EntityFigures;

/** Running counters of one entity in one phase. Thread-safe. */
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
    private final String phase;
    private final Instant startedAt = Instant.now();
    private volatile Instant finishedAt;
    private volatile boolean failed;

    public EntityStats(String entity, String phase) {
        this.entity = entity;
        this.phase = phase;
    }

    public long deleted() {
        return deleted.get();
    }

    public long read() {
        return read.get();
    }

    public String entity() {
        return entity;
    }

    public String phase() {
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

    /** The entity stopped the run. */
    public void markFailed() {
        failed = true;
    }

    public EntityFigures figures() {
        return new EntityFigures(entity, phase, failed ? "failed" : "done", read.get(), inserted.get(), matched.get(), skipped.get(),
                deadLettered.get(), nulled.get(), deferredUpdates.get(), deleted.get(), startedAt,
                finishedAt == null ? Instant.now() : finishedAt);
    }
}

package io.osmigrate.pipeline;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import io.osmigrate.meters.Meters;
import io.osmigrate.state.EntityFigures;

/**
 * Running counters of one table in one phase (or step of the data phase), which also tell the rows read, inserted,
 * matched and dead-lettered to the run's {@link Meters} as they are counted. Thread-safe.
 */
public final class EntityStats {

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong nulled = new AtomicLong();
    private final AtomicLong deferredUpdates = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final LongConsumer readMeter;
    private final LongConsumer insertedMeter;
    private final LongConsumer matchedMeter;
    private final LongConsumer deadLetteredMeter;
    private final String entity;
    private final Phase phase;
    private final Instant startedAt = Instant.now();
    private volatile Instant finishedAt;
    private volatile String state = "done";

    /** Counters told to no one (a clean step's deletes). */
    public EntityStats(String entity, Phase phase) {
        this(entity, phase, Meters.NONE);
    }

    public EntityStats(String entity, Phase phase, Meters meters) {
        this.entity = entity;
        this.phase = phase;
        this.readMeter = meters.rows(phase.wire(), entity, Meters.Rows.READ);
        this.insertedMeter = meters.rows(phase.wire(), entity, Meters.Rows.INSERTED);
        this.matchedMeter = meters.rows(phase.wire(), entity, Meters.Rows.MATCHED);
        this.deadLetteredMeter = meters.rows(phase.wire(), entity, Meters.Rows.DEAD_LETTERED);
    }

    void addRead(long rows) {
        read.addAndGet(rows);
        readMeter.accept(rows);
    }

    void addInserted(long rows) {
        inserted.addAndGet(rows);
        insertedMeter.accept(rows);
    }

    void addMatched(long rows) {
        matched.addAndGet(rows);
        matchedMeter.accept(rows);
    }

    void addDeadLettered(long rows) {
        deadLettered.addAndGet(rows);
        deadLetteredMeter.accept(rows);
    }

    void addNulled(long rows) {
        nulled.addAndGet(rows);
    }

    void addDeferredUpdates(long rows) {
        deferredUpdates.addAndGet(rows);
    }

    /** Rows found already moved: before the table was read (a top-up's identifier scan), or as it is read. */
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

package io.osmigrate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running reconciliation of one table, counted by its batches on the writers' threads: counts, and the first
 * {@link #LISTED} differing or missing rows only, so memory does not grow with the table. Thread-safe.
 */
public final class ValueTally {

    /** How many differing or missing rows a table lists; the others are counted only. */
    public static final int LISTED = 20;

    private final String entity;
    private final Integer sample;
    private final Set<Object> notCompared;
    private final AtomicLong compared = new AtomicLong();
    private final AtomicLong differing = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong notComparable = new AtomicLong();
    private final List<ValueCheck.Difference> listed = new ArrayList<>();

    /**
     * @param sample      the most rows compared, for the report; null: every paired row
     * @param notCompared source ids whose pairs are not compared: rows match-existing paired with the destination's
     *                    own rows, which keep their own values by design
     */
    public ValueTally(String entity, Integer sample, Set<Object> notCompared) {
        this.entity = entity;
        this.sample = sample;
        this.notCompared = Set.copyOf(notCompared);
    }

    boolean compares(Object sourceId) {
        return !notCompared.contains(sourceId);
    }

    void same() {
        compared.incrementAndGet();
    }

    void differs(Object sourceId, Object destinationId, List<ValueCheck.Column> columns) {
        compared.incrementAndGet();
        differing.incrementAndGet();
        list(new ValueCheck.Difference(sourceId.toString(), destinationId.toString(), false, columns));
    }

    void missing(Object sourceId, Object destinationId) {
        missing.incrementAndGet();
        list(new ValueCheck.Difference(sourceId.toString(), destinationId.toString(), true, List.of()));
    }

    void notComparable() {
        notComparable.incrementAndGet();
    }

    private synchronized void list(ValueCheck.Difference d) {
        if (listed.size() < LISTED) {
            listed.add(d);
        }
    }

    /** The reconciliation so far. */
    public synchronized ValueCheck result() {
        return new ValueCheck(entity, sample, compared.get(), differing.get(), missing.get(), notComparable.get(), listed);
    }
}

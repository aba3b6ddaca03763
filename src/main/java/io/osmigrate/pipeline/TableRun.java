package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.osmigrate.meters.Meters;

/**
 * One planned table in one run: the plan, the run it belongs to, its figures, its source stream and the
 * destination connection of each writer thread. A phase makes it and hands it to a table route as the
 * exchange property {@link PipelineHeaders#TABLE}; the route's steps work through it. Shared by the
 * route's splitter, its reader and its writer threads: the figures, the connections (one per thread) and the
 * stream's state are safe to use from each.
 */
public final class TableRun implements AutoCloseable {

    private final RunContext run;
    private final TablePlan plan;
    private final EntityStats stats;
    private final Map<Thread, WriterConnection> writers = new ConcurrentHashMap<>();
    private volatile BatchInsert inserter;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private volatile RowStream rows;
    private volatile BatchStream batches;
    private volatile ReadAhead readAhead;
    private final ValueTally tally;

    public TableRun(RunContext run, TablePlan plan) {
        this(run, plan, null);
    }

    /** A table a reconciliation compares (table-reconcile), counting into {@code tally}. */
    public TableRun(RunContext run, TablePlan plan, ValueTally tally) {
        this.run = run;
        this.plan = plan;
        this.tally = tally;
        // a table tried on its own (the tests of the steps and route templates) has no run, and no meters
        this.stats = new EntityStats(plan.name(), plan.phase(), run == null ? Meters.NONE : run.meters());
    }

    public RunContext run() {
        return run;
    }

    public TablePlan plan() {
        return plan;
    }

    public EntityStats stats() {
        return stats;
    }

    /**
     * Opens the ordered source read, a batch at a time: only the rows a subset keeps, when it has one. The
     * batches are read on {@code readers}, up to {@code depth} ahead of the writers.
     */
    Iterator<List<SourceRow>> open(ExecutorService readers, int depth) throws SQLException {
        rows = RowStream.open(run.source().dataSource(), run.source().dialect(), plan.read(), run.settings().fetchSize());
        batches = new BatchStream(plan.keep() == null ? rows : new KeptRows(rows, plan.keep()), plan.batchSize(), run.stop());
        readAhead = new ReadAhead(batches, depth, readers);
        return readAhead;
    }

    /** What a reconciled table's comparisons count into; null for a table that is moved. */
    ValueTally tally() {
        return tally;
    }

    /** Whether the table ended early because the run was asked to stop. */
    public boolean stopped() {
        return batches != null && batches.stopped();
    }

    /** The calling writer thread's destination connection for this table, opened on first use. */
    WriterConnection writer() throws SQLException {
        WriterConnection w = writers.get(Thread.currentThread());
        if (w == null) {
            w = new WriterConnection(run.destination().dataSource().getConnection());
            writers.put(Thread.currentThread(), w);
        }
        return w;
    }

    /** The insert of this table's batches, with its conflict policy (made once: finding a unique key reads the catalog). */
    BatchInsert inserter() {
        BatchInsert i = inserter;
        if (i == null) {
            synchronized (this) {
                if (inserter == null) {
                    inserter = new BatchInsert(this, new ConflictHandling(this));
                }
                i = inserter;
            }
        }
        return i;
    }

    /** State a step keeps for the whole table (a lookup's destination keys), made once by the first batch that needs it. */
    <T> T shared(Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(shared.computeIfAbsent(type, k -> make.get()));
    }

    /** Drops the calling thread's connection (lost): its next batch opens another. */
    void reconnect() {
        WriterConnection w = writers.remove(Thread.currentThread());
        if (w != null) {
            w.close();
        }
    }

    @Override
    public void close() {
        if (readAhead != null) {
            readAhead.close();
        }
        if (rows != null) {
            rows.close();
        }
        writers.values().forEach(WriterConnection::close);
        writers.clear();
    }
}

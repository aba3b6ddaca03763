package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.ErrorKind;
import io.osmigrate.dialect.IdPair;
import io.osmigrate.dialect.InsertPath;
import io.osmigrate.dialect.InsertRow;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.spec.Mode;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.PairBlock;

/**
 * Writes one batch of an entity: drops rows that already have a pair (safe re-run), resolves the
 * key-map references in bulk, inserts the rest with the dialect's write path and records the pairs
 * with the crash-safe protocol: pairs PREPARED in the state store, then the destination commits,
 * then the pairs are COMMITTED. A batch that a row spoils is rescanned row by row; only the
 * offending rows are dead-lettered (or matched, or stop the run, by policy). Transient failures
 * (deadlock, lock timeout, lost connection) are retried; the named policy is {@link #RETRIES}.
 * Owns one destination connection and write path; used by one writer thread at a time, not thread-safe.
 */
final class BatchWriter implements AutoCloseable {

    /** Transient-failure retry policy: attempts after the first, and the first back-off. */
    static final int RETRIES = 3;
    static final long BACKOFF_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final EntityJob job;
    private final ExistingRows existing;
    private Connection connection;
    private InsertPath path;
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<String> sourceNames;

    BatchWriter(EntityJob job) throws SQLException {
        this.job = job;
        connect();
        this.existing = job.entity().onConflict() == ConflictPolicy.MATCH_EXISTING ? new ExistingRows(job) : null;
        List<String> names = new ArrayList<>();
        names.add(job.read().idColumn());
        names.addAll(job.read().columns());
        this.sourceNames = List.copyOf(names);
    }

    void write(List<PendingRow> batch) throws SQLException {
        KeyMap keyMap = job.run().state().keyMap();
        Map<Object, Object> moved = keyMap.lookup(job.scope(), batch.stream().map(r -> r.source.id()).toList());
        List<PendingRow> rows = new ArrayList<>(batch.size());
        for (PendingRow r : batch) {
            if (moved.containsKey(r.source.id())) {
                job.stats().skipped.incrementAndGet();
            } else {
                rows.add(r);
            }
        }
        resolveIdentifiers(rows);
        resolveReferences(rows);
        List<PendingRow> unwritable = rows.stream().filter(PendingRow::failed).toList();
        List<PendingRow> ready = rows.stream().filter(r -> !r.failed()).toList();
        if (!ready.isEmpty()) {
            insertWithRetries(ready);
        }
        unwritable.forEach(r -> deadLetter(r, null));
        flushDeadLetters();
    }

    private void flushDeadLetters() {
        DeadLetters.send(job.run(), deadLetters);
        deadLetters.clear();
    }

    private void resolveIdentifiers(List<PendingRow> rows) {
        Integer scope = job.identifierScope();
        if (scope == null) {
            return;
        }
        Map<Object, Object> found = job.run().state().keyMap().lookup(scope, rows.stream().map(r -> r.source.id()).toList());
        EntityRef target = job.entity().identifier().target();
        for (PendingRow r : rows) {
            Object id = found.get(r.source.id());
            if (id == null) {
                r.fail(reasonFor(target, r.source.id()), "the identifier references " + target.qualifiedName() + " id "
                        + r.source.id() + ", which " + explain(target, r.source.id()));
            } else {
                r.explicitId = Values.id(id, io.osmigrate.dialect.ValueKind.of(job.target().idColumn().jdbcType()));
            }
        }
    }

    private void resolveReferences(List<PendingRow> rows) {
        KeyMap keyMap = job.run().state().keyMap();
        for (int i = 0; i < job.slots().size(); i++) {
            Slot slot = job.slots().get(i);
            if (slot.targetScope() == null) {
                continue;
            }
            List<Object> wanted = new ArrayList<>();
            for (PendingRow r : rows) {
                if (!r.failed() && r.values[i] != null) {
                    wanted.add(r.values[i]);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            Map<Object, Object> found = keyMap.lookup(slot.targetScope(), wanted);
            EntityRef target = slot.column().target();
            for (PendingRow r : rows) {
                Object value = r.values[i];
                if (r.failed() || value == null) {
                    continue;
                }
                Object mapped = found.get(value);
                if (mapped != null) {
                    r.values[i] = Values.id(mapped, slot.kind());
                } else {
                    Enricher.unresolved(job, r, i, job.entity().unresolvedReference(), reasonFor(target, value),
                            slot.column().attribute() + " → " + target.qualifiedName() + " id " + value + " " + explain(target, value));
                }
            }
        }
    }

    private String reasonFor(EntityRef target, Object id) {
        if (job.run().hasFailed(target, id)) {
            return "parent-failed";
        }
        return isLookup(target) ? "lookup-unmatched" : "parent-missing";
    }

    private String explain(EntityRef target, Object id) {
        if (job.run().hasFailed(target, id)) {
            return "was dead-lettered in this run";
        }
        return isLookup(target) ? "has no match in the destination (lookup by " + String.join(", ", job.run().plan()
                .entity(target.qualifiedName()).map(p -> p.match().stream().map(m -> m.attribute()).toList())
                .orElse(List.of())) + ")" : "was not moved: no such row in the source";
    }

    private boolean isLookup(EntityRef target) {
        return job.run().plan().entity(target.qualifiedName()).map(p -> p.mode() == Mode.LOOKUP).orElse(false);
    }

    private void insertWithRetries(List<PendingRow> ready) throws SQLException {
        Dialect dialect = job.run().destination().dialect();
        for (int attempt = 0; ; attempt++) {
            List<PendingRow> failedHere = new ArrayList<>();
            try {
                List<PairBlock.Pair> pairs = insert(ready, failedHere);
                record(pairs);
                failedHere.forEach(r -> deadLetter(r, r.error));
                return;
            } catch (SQLException e) {
                rollbackQuietly();
                ErrorKind kind = dialect.classify(e);
                boolean transientError = kind == ErrorKind.DEADLOCK || kind == ErrorKind.LOCK_TIMEOUT || kind == ErrorKind.CONNECTION;
                if (!transientError || attempt >= RETRIES) {
                    throw e;
                }
                LOG.warn("{}: {} while writing a batch ({}); retry {} of {}", job.stats().entity(), kind, e.getMessage(),
                        attempt + 1, RETRIES);
                sleep(BACKOFF_MILLIS << attempt);
                if (kind == ErrorKind.CONNECTION) {
                    close();
                    connect();
                }
            }
        }
    }

    /** Inserts the batch, or row by row when a row spoils it; returns the pairs, collects the rows that failed. */
    private List<PairBlock.Pair> insert(List<PendingRow> ready, List<PendingRow> failedHere) throws SQLException {
        Connection c = connection;
        Dialect dialect = job.run().destination().dialect();
        FaultInjection.pause("before-insert");
        dialect.lockForWriting(c, Recovery.WRITER_LOCK);
        List<PairBlock.Pair> pairs = new ArrayList<>(ready.size());
        try {
            for (IdPair p : path.insert(c, rows(ready))) {
                pairs.add(new PairBlock.Pair(p.sourceId(), p.destinationId(), PairBlock.Kind.INSERTED));
            }
            return pairs;
        } catch (SQLException e) {
            if (!dialect.classify(e).isRowLevel()) {
                throw e;
            }
            c.rollback();
            dialect.lockForWriting(c, Recovery.WRITER_LOCK);
        }
        for (PendingRow row : ready) {
            Savepoint savepoint = c.setSavepoint();
            try {
                for (IdPair p : path.insert(c, rows(List.of(row)))) {
                    pairs.add(new PairBlock.Pair(p.sourceId(), p.destinationId(), PairBlock.Kind.INSERTED));
                }
            } catch (SQLException e) {
                c.rollback(savepoint);
                ErrorKind kind = dialect.classify(e);
                if (!kind.isRowLevel()) {
                    throw e;
                }
                Optional<PairBlock.Pair> matched = onRowError(c, row, kind, e);
                if (matched.isPresent()) {
                    pairs.add(matched.get());
                } else {
                    failedHere.add(row);
                }
            }
        }
        return pairs;
    }

    private Optional<PairBlock.Pair> onRowError(Connection c, PendingRow row, ErrorKind kind, SQLException e) throws SQLException {
        ConflictPolicy policy = job.entity().onConflict();
        if (kind == ErrorKind.UNIQUE_VIOLATION && policy == ConflictPolicy.MATCH_EXISTING && existing.hasKey()) {
            Optional<Object> id = existing.find(c, row);
            if (id.isPresent()) {
                return Optional.of(new PairBlock.Pair(row.source.id(), id.get(), PairBlock.Kind.MATCHED));
            }
        }
        row.fail(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), e.getMessage());
        row.error = e;
        if (policy == ConflictPolicy.FAIL) {
            deadLetter(row, e);
            flushDeadLetters();
            throw new RunAbortedException(job.stats().entity() + " id " + row.source.id() + " was rejected by the destination ("
                    + kind + ": " + e.getMessage() + "); onConflict is fail", e);
        }
        return Optional.empty();
    }

    /** The crash-safe protocol: PREPARED pairs, destination commit, COMMITTED pairs. */
    private void record(List<PairBlock.Pair> pairs) throws SQLException {
        Connection c = connection;
        if (pairs.isEmpty()) {
            c.commit();
            return;
        }
        PairBlock block = PairBlock.of(pairs);
        KeyMap keyMap = job.run().state().keyMap();
        FaultInjection.pause("after-insert");
        long batchId = keyMap.prepare(job.scope(), job.run().runId(), block, job.entity().destinationTable(),
                job.target().idColumn().name());
        FaultInjection.pause("after-prepare");
        commitDestination(c, block.size());
        FaultInjection.pause("after-commit");
        keyMap.commit(batchId, job.scope(), block);
        long matched = pairs.stream().filter(p -> p.kind() == PairBlock.Kind.MATCHED).count();
        job.stats().matched.addAndGet(matched);
        job.stats().inserted.addAndGet(pairs.size() - matched);
    }

    /**
     * Commits the destination transaction. A commit that fails may still have landed (the server committed,
     * the acknowledgement was lost), so it is never retried: inserting the batch again could duplicate it.
     * The run stops; the batch stays PREPARED and the next run's recovery keeps exactly the rows that exist.
     */
    private void commitDestination(Connection c, int rows) {
        try {
            c.commit();
            FaultInjection.fail("commit");
        } catch (SQLException e) {
            throw new RunAbortedException(job.stats().entity() + ": the destination did not confirm the commit of a batch of "
                    + rows + " rows (" + e.getMessage() + "). Whether it landed is unknown, so it is not retried; run again:"
                    + " recovery keeps exactly the rows that were committed", e);
        }
    }

    private List<InsertRow> rows(List<PendingRow> rows) {
        List<InsertRow> out = new ArrayList<>(rows.size());
        for (PendingRow r : rows) {
            out.add(new InsertRow(r.source.id(), r.explicitId, r.values));
        }
        return out;
    }

    /** Records a row that cannot be moved; the batch's dead letters go out together. */
    private void deadLetter(PendingRow r, SQLException error) {
        RunContext run = job.run();
        run.markFailed(job.entity().entity(), r.source.id());
        job.stats().deadLettered.incrementAndGet();
        Object[] sourceValues = new Object[r.source.values().length + 1];
        sourceValues[0] = r.source.id();
        System.arraycopy(r.source.values(), 0, sourceValues, 1, r.source.values().length);
        Map<String, Object> mapped = new java.util.LinkedHashMap<>();
        if (r.explicitId != null) {
            mapped.put(job.target().idColumn().name(), r.explicitId);
        }
        mapped.putAll(DeadLetters.row(job.target().columnNames(), r.values));
        deadLetters.add(DeadLetters.of(run, "data", job.stats().entity(), r.source.id(), r.failureReason, r.failureMessage, error,
                DeadLetters.row(sourceNames, sourceValues), mapped));
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is broken; a retry reconnects
        }
    }

    /** A destination connection in a transaction, and the write path prepared on it. */
    private void connect() throws SQLException {
        connection = job.run().destination().dataSource().getConnection();
        connection.setAutoCommit(false);
        path = job.run().destination().dialect().insertPath(connection, job.target());
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // a broken connection is discarded by the pool
            }
            connection = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunAbortedException("interrupted while waiting to retry a batch", e);
        }
    }
}

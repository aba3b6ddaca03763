package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

import io.osmigrate.dialect.ErrorKind;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.PairBlock;

/**
 * Writes one batch with the crash-safe protocol, enacted here and nowhere else (see docs/crash-safety.md):
 * <ol>
 *   <li>the rows are inserted in an open destination transaction that holds the shared writer lock;</li>
 *   <li>their pairs are stored in the state store as PREPARED, a commit that is durable once acknowledged;</li>
 *   <li>the destination commits;</li>
 *   <li>the pairs are marked COMMITTED.</li>
 * </ol>
 * A kill between any two steps leaves what recovery settles exactly. A transient failure of the insert
 * rolls the batch back and is thrown as {@link TransientWriteException} for the route configuration to
 * redeliver by the {@link RetryPolicy}; a failed destination commit is never retried (it may have landed).
 * The rows that cannot be written (an unresolved reference, a rejection) leave as dead letters in the
 * exchange property {@link PipelineHeaders#REJECTED}. The named fault points are where the kill tests stop.
 */
final class WriteBatch {

    private WriteBatch() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) throws SQLException {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        List<PendingRow> rows = exchange.getIn().getBody(List.class);
        List<PendingRow> ready = new ArrayList<>(rows.size());
        for (PendingRow r : rows) {
            if (!r.failed()) {
                ready.add(r);
            }
        }
        if (!ready.isEmpty()) {
            long started = System.nanoTime();
            write(table, ready);
            table.run().meters().batchWritten(table.plan().phase().wire(), table.plan().name(), System.nanoTime() - started);
        }
        List<DeadLetter> rejected = new ArrayList<>();
        for (PendingRow r : rows) {
            if (r.failed()) {
                table.run().markFailed(table.plan().entity(), r.source.id());
                table.stats().addDeadLettered(1);
                rejected.add(DeadLetters.of(table, r));
            }
        }
        exchange.setProperty(PipelineHeaders.REJECTED, rejected);
        exchange.getIn().setBody(null); // the batch is written: nothing of it stays in memory with the exchange
    }

    private static void write(TableRun table, List<PendingRow> ready) throws SQLException {
        WriterConnection writer = table.writer();
        List<PairBlock.Pair> pairs;
        try {
            FaultInjection.pause("before-insert");
            FaultInjection.fail("insert");
            pairs = table.inserter().insert(writer, ready);
        } catch (SQLException e) {
            writer.rollbackQuietly();
            ErrorKind kind = table.run().destination().dialect().classify(e);
            if (!table.run().retry().retries(kind)) {
                throw e;
            }
            if (kind == ErrorKind.CONNECTION) {
                table.reconnect();
            }
            throw new TransientWriteException(table.plan().name(), kind, e);
        }
        record(table, writer, pairs);
    }

    /** Steps 2 to 4. */
    private static void record(TableRun table, WriterConnection writer, List<PairBlock.Pair> pairs) {
        if (pairs.isEmpty()) {
            commitDestination(table, writer, 0);
            return;
        }
        PairBlock block = PairBlock.of(pairs);
        KeyMap keyMap = table.run().state().keyMap();
        FaultInjection.pause("after-insert");
        long batchId = keyMap.prepare(table.plan().scope(), table.run().runId(), block, table.plan().target().table(),
                table.plan().target().idColumn().name());
        FaultInjection.pause("after-prepare");
        commitDestination(table, writer, block.size());
        FaultInjection.pause("after-commit");
        keyMap.commit(batchId, table.plan().scope(), block);
        long matched = pairs.stream().filter(p -> p.kind() == PairBlock.Kind.MATCHED).count();
        table.stats().addMatched(matched);
        table.stats().addInserted(pairs.size() - matched);
    }

    /**
     * Commits the destination transaction. A commit that fails may still have landed (the server committed,
     * the acknowledgement was lost), so it is never retried: inserting the batch again could duplicate it.
     * The run stops; the batch stays PREPARED and the next run's recovery keeps exactly the rows that exist.
     */
    private static void commitDestination(TableRun table, WriterConnection writer, int rows) {
        try {
            writer.connection().commit();
            FaultInjection.fail("commit");
        } catch (SQLException e) {
            throw new RunAbortedException(table.plan().name() + ": the destination did not confirm the commit of a batch of "
                    + rows + " rows (" + e.getMessage() + "). Whether it landed is unknown, so it is not retried; run again:"
                    + " recovery keeps exactly the rows that were committed", e);
        }
    }
}

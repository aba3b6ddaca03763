package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.ErrorKind;
import io.osmigrate.dialect.IdPair;
import io.osmigrate.dialect.InsertPath;
import io.osmigrate.dialect.InsertRow;
import io.osmigrate.state.PairBlock;

/**
 * Inserts a batch inside the writer's open transaction with the dialect's id-capturing write path, and
 * returns its pairs. A batch that a row spoils (a unique index, a foreign key, data that does not fit)
 * is rolled back and inserted again row by row, each under a savepoint, so that only the offending rows
 * are rejected; what a rejected row does is the conflict policy's call. Never commits. Not thread-safe:
 * one per batch.
 */
final class BatchInsert {

    private final TableRun table;
    private final ConflictHandling conflicts;

    BatchInsert(TableRun table, ConflictHandling conflicts) {
        this.table = table;
        this.conflicts = conflicts;
    }

    /** The pairs of the rows written (or matched); rows rejected are marked failed. */
    List<PairBlock.Pair> insert(WriterConnection writer, List<PendingRow> ready) throws SQLException {
        Connection c = writer.connection();
        Dialect dialect = table.run().destination().dialect();
        InsertPath path = writer.insertPath(table);
        dialect.lockForWriting(c, Recovery.WRITER_LOCK);
        try {
            return pairs(path.insert(c, rows(ready)));
        } catch (SQLException e) {
            if (!dialect.classify(e).isRowLevel()) {
                throw e;
            }
            c.rollback();
            dialect.lockForWriting(c, Recovery.WRITER_LOCK);
        }
        List<PairBlock.Pair> pairs = new ArrayList<>(ready.size());
        for (PendingRow row : ready) {
            Savepoint savepoint = c.setSavepoint();
            try {
                pairs.addAll(pairs(path.insert(c, rows(List.of(row)))));
            } catch (SQLException e) {
                c.rollback(savepoint);
                ErrorKind kind = dialect.classify(e);
                if (!kind.isRowLevel()) {
                    throw e;
                }
                Optional<PairBlock.Pair> matched = conflicts.onRejected(c, row, kind, e);
                matched.ifPresent(pairs::add);
            }
        }
        return pairs;
    }

    private static List<PairBlock.Pair> pairs(List<IdPair> written) {
        List<PairBlock.Pair> pairs = new ArrayList<>(written.size());
        for (IdPair p : written) {
            pairs.add(new PairBlock.Pair(p.sourceId(), p.destinationId(), PairBlock.Kind.INSERTED));
        }
        return pairs;
    }

    private static List<InsertRow> rows(List<PendingRow> rows) {
        List<InsertRow> out = new ArrayList<>(rows.size());
        for (PendingRow r : rows) {
            out.add(new InsertRow(r.source.id(), r.explicitId, r.values));
        }
        return out;
    }
}

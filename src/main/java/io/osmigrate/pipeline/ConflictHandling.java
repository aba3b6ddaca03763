package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.osmigrate.dialect.ErrorKind;
import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.state.PairBlock;

/**
 * The conflict policy, in one place: what a row the destination rejects (a unique index, a foreign key,
 * data that does not fit) does. {@code dead-letter} (the default) marks it for the dead-letter channel;
 * {@code fail} stops the run; {@code match-existing} pairs a row that collides on a unique key with the
 * destination row holding that key, and inserts nothing ({@code update-existing} too: the refresh step then
 * updates the matched row). One per table; not thread-safe beyond the
 * connection it is given.
 */
final class ConflictHandling {

    private final TableRun table;
    private final ExistingRows existing;

    ConflictHandling(TableRun table) {
        this.table = table;
        this.existing = table.plan().onConflict().matches() ? new ExistingRows(table) : null;
    }

    /**
     * Decides for one rejected row, inside the writer's open transaction: a match-existing pair, or empty
     * (the row is marked failed for the dead-letter channel).
     *
     * @throws RunAbortedException the policy is {@code fail}
     */
    Optional<PairBlock.Pair> onRejected(Connection c, PendingRow row, ErrorKind kind, SQLException e) throws SQLException {
        ConflictPolicy policy = table.plan().onConflict();
        if (kind == ErrorKind.UNIQUE_VIOLATION && existing != null && existing.hasKey()) {
            Optional<Object> id = existing.find(c, row);
            if (id.isPresent()) {
                return Optional.of(new PairBlock.Pair(row.source.id(), id.get(), PairBlock.Kind.MATCHED));
            }
        }
        row.fail(DeadLetterReason.of(kind), e.getMessage());
        row.error = e;
        if (policy == ConflictPolicy.FAIL) {
            // the record that stops the run is kept like any other: the batch is rolled back, the run ends
            table.run().producer().sendBody(PipelineHeaders.DEAD_LETTER_ENDPOINT, DeadLetters.of(table, row));
            throw new RunAbortedException(table.plan().name() + " id " + row.source.id() + " was rejected by the destination ("
                    + kind + ": " + e.getMessage() + "); onConflict is fail", e);
        }
        return Optional.empty();
    }
}

package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;

import javax.sql.DataSource;

/**
 * How far each moved entity's deferred references are set (OSM_DEFERRED_MARK): a deferred step that covered every
 * row an entity had paired records the highest key-map batch there was when it started. Every row paired up to that
 * batch has its deferred references set, or dead-lettered because its target was not moved; a later run need only set
 * those of the rows paired since, and of the rows that point at rows paired since. Key-map batch ids only grow, so a
 * mark stays true when pairs are forgotten (a clean): the rows moved again are all paired after it. Thread-safe: every
 * call uses its own connection.
 */
public final class DeferredMarks {

    private final DataSource store;

    DeferredMarks(DataSource store) {
        this.store = store;
    }

    /** The batch up to which every row of the scope has its deferred references set; empty when no step covered them all. */
    public OptionalLong mark(int scopeId) {
        try (Connection c = store.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT BATCH_ID FROM OSM_DEFERRED_MARK WHERE SCOPE_ID = ?")) {
            ps.setInt(1, scopeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new StateException("cannot read how far the deferred references of key-map scope " + scopeId + " are set", e);
        }
    }

    /** Records that a run's deferred step set the references of every row of the scope paired up to {@code batchId}. */
    public void set(int scopeId, long batchId, String runId) {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM OSM_DEFERRED_MARK WHERE SCOPE_ID = ?")) {
                    ps.setInt(1, scopeId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO OSM_DEFERRED_MARK (SCOPE_ID, BATCH_ID, RUN_ID, SET_AT) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, scopeId);
                    ps.setLong(2, batchId);
                    ps.setString(3, runId);
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException("cannot record how far the deferred references of key-map scope " + scopeId + " are set", e);
        }
    }
}

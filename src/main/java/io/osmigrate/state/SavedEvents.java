package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The destination's BPT subscriptions (OSEVT_* rows) that triggers-off took out of the destination, kept
 * here until the events phase puts them back (OSM_EVENT_ROW), and the note that a destination's triggers are
 * off (OSM_TRIGGERS_OFF). Rows are kept per destination, not per pair of environments: they are the
 * destination's own, whichever source the run that saved them came from. Each change is one state-store
 * transaction. Thread-safe: every call uses its own connection.
 */
public final class SavedEvents {

    /** One saved row. {@code rowJson} is the row as the events phase's codec wrote it. */
    public record SavedRow(long id, String eventTable, String entity, String rowJson, String savedByRun) {
    }

    /** Which entity a saved table's rows subscribe to. */
    public record Owner(String entity, String espaceKey, String entityKey) {
    }

    private static final String SAVED = "SAVED";
    private static final String DROPPED = "DROPPED";

    private final DataSource store;

    SavedEvents(DataSource store) {
        this.store = store;
    }

    /** Notes that triggers-off started on a destination; the note stays until {@link #clearNote}. */
    public void noteTriggersOff(String destinationEnv, String sourceEnv, String runId) {
        inTransaction(c -> {
            execute(c, "DELETE FROM OSM_TRIGGERS_OFF WHERE DESTINATION_ENV = ?", destinationEnv);
            execute(c, "INSERT INTO OSM_TRIGGERS_OFF (DESTINATION_ENV, SOURCE_ENV, RUN_ID, STARTED_AT) VALUES (?, ?, ?, ?)",
                    destinationEnv, sourceEnv, runId, Timestamp.from(Instant.now()));
        }, "note that triggers are off");
    }

    /** The run whose triggers-off left the destination's subscriptions in this store, if any. */
    public Optional<String> triggersOff(String destinationEnv) {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT RUN_ID FROM OSM_TRIGGERS_OFF WHERE DESTINATION_ENV = ?")) {
            ps.setString(1, destinationEnv);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateException("cannot read whether the triggers of " + destinationEnv + " are off", e);
        }
    }

    public void clearNote(String destinationEnv) {
        inTransaction(c -> execute(c, "DELETE FROM OSM_TRIGGERS_OFF WHERE DESTINATION_ENV = ?", destinationEnv),
                "clear the note that triggers are off");
    }

    /** The destination's rows still to be put back, in the order they were saved. */
    public List<SavedRow> saved(String destinationEnv) {
        List<SavedRow> rows = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT EVENT_ROW_ID, EVENT_TABLE, ENTITY, ROW_JSON, SAVED_BY_RUN FROM OSM_EVENT_ROW"
                        + " WHERE DESTINATION_ENV = ? AND STATE = ? ORDER BY EVENT_ROW_ID")) {
            ps.setString(1, destinationEnv);
            ps.setString(2, SAVED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SavedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the saved subscriptions of " + destinationEnv, e);
        }
        return rows;
    }

    /** Saves rows of one event table, all or none; the commit is durable before this returns. */
    public void save(String destinationEnv, String eventTable, Owner owner, String runId, List<String> rowsJson) {
        if (rowsJson.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO OSM_EVENT_ROW (DESTINATION_ENV, EVENT_TABLE, ENTITY,"
                    + " ESPACE_KEY, ENTITY_KEY, STATE, ROW_JSON, SAVED_BY_RUN, SAVED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (String row : rowsJson) {
                    ps.setString(1, destinationEnv);
                    ps.setString(2, eventTable);
                    ps.setString(3, owner.entity());
                    ps.setString(4, owner.espaceKey());
                    ps.setString(5, owner.entityKey());
                    ps.setString(6, SAVED);
                    ps.setString(7, row);
                    ps.setString(8, runId);
                    ps.setTimestamp(9, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }, "save the subscriptions of " + eventTable);
    }

    /**
     * Settles saved rows after the events phase: the restored ones are forgotten, the dropped ones kept as
     * DROPPED with their reason. One transaction.
     *
     * @param dropped reason by saved row id
     */
    public void settle(List<Long> restored, Map<Long, String> dropped, String runId) {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM OSM_EVENT_ROW WHERE EVENT_ROW_ID = ?");
                 PreparedStatement drop = c.prepareStatement(
                         "UPDATE OSM_EVENT_ROW SET STATE = ?, DROPPED_BY_RUN = ?, REASON = ? WHERE EVENT_ROW_ID = ?")) {
                for (long id : restored) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                for (Map.Entry<Long, String> d : dropped.entrySet()) {
                    drop.setString(1, DROPPED);
                    drop.setString(2, runId);
                    drop.setString(3, d.getValue().length() > 400 ? d.getValue().substring(0, 400) : d.getValue());
                    drop.setLong(4, d.getKey());
                    drop.addBatch();
                }
                if (!restored.isEmpty()) {
                    delete.executeBatch();
                }
                if (!dropped.isEmpty()) {
                    drop.executeBatch();
                }
            }
        }, "settle the saved subscriptions");
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work, String what) {
        try (Connection c = store.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StateException("cannot " + what, e);
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}

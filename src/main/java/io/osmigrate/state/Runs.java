package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The run history (OSM_RUN, OSM_RUN_ENTITY). Thread-safe: every call uses its own connection. */
public final class Runs {

    /** One row of the history. */
    public record Run(String runId, String spec, String sourceEnv, String destinationEnv, String phases, RunState state,
                      Instant startedAt, Instant finishedAt, String message) {
    }

    private final DataSource store;

    Runs(DataSource store) {
        this.store = store;
    }

    public void start(String runId, String spec, String sourceEnv, String destinationEnv, String phases) {
        execute("INSERT INTO OSM_RUN (RUN_ID, SPEC, SOURCE_ENV, DESTINATION_ENV, PHASES, STATE, STARTED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", runId, spec, sourceEnv, destinationEnv, phases, RunState.RUNNING.name(),
                Timestamp.from(Instant.now()));
    }

    public void finish(String runId, RunState state, String message) {
        execute("UPDATE OSM_RUN SET STATE = ?, FINISHED_AT = ?, MESSAGE = ? WHERE RUN_ID = ?", state.name(),
                Timestamp.from(Instant.now()), truncate(message), runId);
    }

    /** Runs between two environments still marked RUNNING belong to a process that died: mark them INTERRUPTED. */
    public int markInterrupted(String sourceEnv, String destinationEnv) {
        return execute("UPDATE OSM_RUN SET STATE = ?, MESSAGE = ? WHERE STATE = ? AND SOURCE_ENV = ? AND DESTINATION_ENV = ?",
                RunState.INTERRUPTED.name(), "its process stopped before the run finished", RunState.RUNNING.name(),
                sourceEnv, destinationEnv);
    }

    /** Notes that a clean phase started between two environments; {@link #cleanFinished} removes the note. */
    public void cleanStarted(String sourceEnv, String destinationEnv, String runId) {
        execute("DELETE FROM OSM_CLEAN_PENDING WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?", sourceEnv, destinationEnv);
        execute("INSERT INTO OSM_CLEAN_PENDING (SOURCE_ENV, DESTINATION_ENV, RUN_ID, STARTED_AT) VALUES (?, ?, ?, ?)",
                sourceEnv, destinationEnv, runId, Timestamp.from(Instant.now()));
    }

    public void cleanFinished(String sourceEnv, String destinationEnv) {
        execute("DELETE FROM OSM_CLEAN_PENDING WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?", sourceEnv, destinationEnv);
    }

    /** The run whose clean phase between two environments did not finish, if any. */
    public java.util.Optional<String> pendingClean(String sourceEnv, String destinationEnv) {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT RUN_ID FROM OSM_CLEAN_PENDING WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?")) {
            ps.setString(1, sourceEnv);
            ps.setString(2, destinationEnv);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the pending clean", e);
        }
    }

    public void record(String runId, EntityFigures f) {
        execute("INSERT INTO OSM_RUN_ENTITY (RUN_ID, PHASE, ENTITY, STATE, READ_ROWS, INSERTED, MATCHED, SKIPPED,"
                        + " DEAD_LETTERED, NULLED, DEFERRED_UPDATES, DELETED, STARTED_AT, FINISHED_AT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, f.phase(), f.entity(), f.state(), f.read(), f.inserted(), f.matched(), f.skipped(), f.deadLettered(),
                f.nulled(), f.deferredUpdates(), f.deleted(), Timestamp.from(f.startedAt()),
                f.finishedAt() == null ? null : Timestamp.from(f.finishedAt()));
    }

    public List<Run> recent(int limit) {
        List<Run> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT RUN_ID, SPEC, SOURCE_ENV, DESTINATION_ENV, PHASES, STATE, STARTED_AT, FINISHED_AT, MESSAGE FROM OSM_RUN"
                        + " ORDER BY STARTED_AT DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(8);
                    result.add(new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            RunState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the run history", e);
        }
        return result;
    }

    private int execute(String sql, Object... args) {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot write the run history", e);
        }
    }

    static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}

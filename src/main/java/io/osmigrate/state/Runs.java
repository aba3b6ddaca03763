package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** The run history (OSM_RUN, OSM_RUN_ENTITY). Thread-safe: every call uses its own connection. */
public final class Runs {

    /**
     * One row of the history.
     *
     * @param exitCode the exit code its command ended with; null while it runs, or when its process died
     */
    public record Run(String runId, String spec, String sourceEnv, String destinationEnv, String phases, RunState state,
                      Instant startedAt, Instant finishedAt, String message, Integer exitCode) {
    }

    /**
     * A run with its figures summed: rows of the data phase read, inserted, matched and skipped (already paired),
     * and every dead letter it recorded.
     */
    public record Summary(Run run, long read, long inserted, long matched, long skipped, long deadLetters) {
    }

    private static final String RUN_COLUMNS = "R.RUN_ID, R.SPEC, R.SOURCE_ENV, R.DESTINATION_ENV, R.PHASES, R.STATE,"
            + " R.STARTED_AT, R.FINISHED_AT, R.MESSAGE, R.EXIT_CODE";

    private final DataSource store;

    Runs(DataSource store) {
        this.store = store;
    }

    public void start(String runId, String spec, String sourceEnv, String destinationEnv, String phases) {
        execute("INSERT INTO OSM_RUN (RUN_ID, SPEC, SOURCE_ENV, DESTINATION_ENV, PHASES, STATE, STARTED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", runId, spec, sourceEnv, destinationEnv, phases, RunState.RUNNING.name(),
                Timestamp.from(Instant.now()));
    }

    public void finish(String runId, RunState state, int exitCode, String message) {
        execute("UPDATE OSM_RUN SET STATE = ?, FINISHED_AT = ?, EXIT_CODE = ?, MESSAGE = ? WHERE RUN_ID = ?", state.name(),
                Timestamp.from(Instant.now()), exitCode, truncate(message), runId);
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
    public Optional<String> pendingClean(String sourceEnv, String destinationEnv) {
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT RUN_ID FROM OSM_CLEAN_PENDING WHERE SOURCE_ENV = ? AND DESTINATION_ENV = ?")) {
            ps.setString(1, sourceEnv);
            ps.setString(2, destinationEnv);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
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

    /** The newest runs first, at most {@code limit}. */
    public List<Run> recent(int limit) {
        List<Run> result = new ArrayList<>();
        for (Summary s : summaries(limit)) {
            result.add(s.run());
        }
        return result;
    }

    /** The newest runs first, at most {@code limit}, each with its figures summed. */
    public List<Summary> summaries(int limit) {
        String sql = "SELECT " + RUN_COLUMNS + ", COALESCE(E.READ_ROWS, 0), COALESCE(E.INSERTED, 0), COALESCE(E.MATCHED, 0),"
                + " COALESCE(E.SKIPPED, 0), (SELECT COUNT(*) FROM OSM_DEAD_LETTER D WHERE D.RUN_ID = R.RUN_ID)"
                + " FROM OSM_RUN R LEFT JOIN (SELECT RUN_ID, SUM(READ_ROWS) READ_ROWS, SUM(INSERTED) INSERTED,"
                + " SUM(MATCHED) MATCHED, SUM(SKIPPED) SKIPPED FROM OSM_RUN_ENTITY WHERE PHASE = 'data' GROUP BY RUN_ID) E"
                + " ON E.RUN_ID = R.RUN_ID ORDER BY R.STARTED_AT DESC, R.RUN_ID DESC";
        List<Summary> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Summary(run(rs), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
                            rs.getLong(15)));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the run history", e);
        }
        return result;
    }

    /** The run with this id, if the history has it. */
    public Optional<Run> find(String runId) {
        try (Connection c = store.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM OSM_RUN R WHERE R.RUN_ID = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(run(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the run history", e);
        }
    }

    /** A run's per-entity figures, in the order they were recorded. */
    public List<EntityFigures> figures(String runId) {
        List<EntityFigures> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ENTITY, PHASE, STATE, READ_ROWS, INSERTED, MATCHED, SKIPPED, DEAD_LETTERED, NULLED, DEFERRED_UPDATES,"
                        + " DELETED, STARTED_AT, FINISHED_AT FROM OSM_RUN_ENTITY WHERE RUN_ID = ? ORDER BY STARTED_AT, ENTITY")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(13);
                    result.add(new EntityFigures(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                            rs.getLong(11), rs.getTimestamp(12).toInstant(), finished == null ? null : finished.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the figures of run " + runId, e);
        }
        return result;
    }

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(8);
        int exit = rs.getInt(10);
        Integer exitCode = rs.wasNull() ? null : exit;
        return new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                RunState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString(9), exitCode);
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

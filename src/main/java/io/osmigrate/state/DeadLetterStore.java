package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/** The dead-letter table. A failed write here is a fault: a dead letter is never silently lost. Thread-safe. */
public final class DeadLetterStore {

    private final DataSource store;

    DeadLetterStore(DataSource store) {
        this.store = store;
    }

    /** Writes dead letters in one transaction: all of them or, on failure, none (and the caller stops). */
    public void write(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO OSM_DEAD_LETTER (RUN_ID, PHASE, ENTITY, SOURCE_ID, REASON, ERROR_CLASS, SQL_STATE,"
                + " VENDOR_CODE, MESSAGE, SOURCE_ROW, MAPPED_ROW, CREATED_AT, STEPS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (DeadLetter d : letters) {
                bind(ps, d);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            DeadLetter first = letters.get(0);
            throw new StateException("cannot write " + letters.size() + " dead letters for " + first.entity() + " (first id "
                    + first.sourceId() + ")", e);
        }
    }

    /** How many dead letters a run recorded. */
    public long count(String runId) {
        try (Connection c = store.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM OSM_DEAD_LETTER WHERE RUN_ID = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateException("cannot count dead letters", e);
        }
    }

    /**
     * Marks dead letters resolved by a run (a replay that moved their records after all); one already resolved keeps
     * the run that resolved it first. Returns how many it marked.
     */
    public int resolve(String byRun, Collection<Long> deadLetterIds) {
        int marked = 0;
        List<Long> ids = List.copyOf(deadLetterIds);
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("UPDATE OSM_DEAD_LETTER SET RESOLVED_BY_RUN = ? WHERE"
                        + " RESOLVED_BY_RUN IS NULL AND DEAD_LETTER_ID IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                        + ")")) {
                    ps.setString(1, byRun);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 2, chunk.get(i));
                    }
                    marked += ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StateException("cannot mark " + ids.size() + " dead letters resolved by run " + byRun, e);
        }
        return marked;
    }

    private static void bind(PreparedStatement ps, DeadLetter d) throws SQLException {
        ps.setString(1, d.runId());
        ps.setString(2, d.phase());
        ps.setString(3, d.entity());
        ps.setString(4, d.sourceId());
        ps.setString(5, d.reason());
        ps.setString(6, d.errorClass());
        ps.setString(7, d.sqlState());
        if (d.vendorCode() == null) {
            ps.setNull(8, Types.INTEGER);
        } else {
            ps.setInt(8, d.vendorCode());
        }
        ps.setString(9, Runs.truncate(d.message()));
        ps.setString(10, d.sourceRow());
        ps.setString(11, d.mappedRow());
        ps.setTimestamp(12, Timestamp.from(d.createdAt()));
        ps.setString(13, d.stepsText());
    }

    /** What identifies a dead letter's record, without its rows: what a replay needs of each, oldest first. */
    public record Key(long id, String phase, String entity, String sourceId, String reason) {
    }

    /** The keys of a run's dead letters, oldest first; only those no replay has resolved when {@code openOnly}. */
    public List<Key> keys(String runId, boolean openOnly) {
        String sql = "SELECT DEAD_LETTER_ID, PHASE, ENTITY, SOURCE_ID, REASON FROM OSM_DEAD_LETTER WHERE RUN_ID = ?"
                + (openOnly ? " AND RESOLVED_BY_RUN IS NULL" : "") + " ORDER BY DEAD_LETTER_ID";
        List<Key> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Key(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read the dead letters of run " + runId, e);
        }
        return result;
    }

    /** Dead letters of one run, or of every run when runId is null, oldest first. */
    public List<DeadLetter> list(String runId) {
        return list(runId, null, false);
    }

    /**
     * Dead letters, oldest first: of one run (every run's when {@code runId} is null), of one entity (every entity's
     * when {@code entity} is null, as Module.Entity), and only those no later run has resolved when {@code openOnly}.
     */
    public List<DeadLetter> list(String runId, String entity, boolean openOnly) {
        return list(runId, entity, openOnly, 0);
    }

    /** The first {@code limit} dead letters of one run, oldest first: what a page shows without holding them all. */
    public List<DeadLetter> first(String runId, int limit) {
        return list(runId, null, false, limit);
    }

    private List<DeadLetter> list(String runId, String entity, boolean openOnly, int maxRows) {
        List<String> where = new ArrayList<>();
        List<String> args = new ArrayList<>();
        if (runId != null) {
            where.add("RUN_ID = ?");
            args.add(runId);
        }
        if (entity != null) {
            where.add("ENTITY = ?");
            args.add(entity);
        }
        if (openOnly) {
            where.add("RESOLVED_BY_RUN IS NULL");
        }
        String sql = "SELECT DEAD_LETTER_ID, RUN_ID, PHASE, ENTITY, SOURCE_ID, REASON, ERROR_CLASS, SQL_STATE, VENDOR_CODE,"
                + " MESSAGE, SOURCE_ROW, MAPPED_ROW, CREATED_AT, RESOLVED_BY_RUN, STEPS FROM OSM_DEAD_LETTER"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY DEAD_LETTER_ID";
        List<DeadLetter> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(maxRows);
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int vendor = rs.getInt(9);
                    Integer vendorCode = rs.wasNull() ? null : vendor;
                    result.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), vendorCode, rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
                            DeadLetter.steps(rs.getString(15))));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read dead letters", e);
        }
        return result;
    }
}

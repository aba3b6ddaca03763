package io.osmigrate.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The dead-letter table. A failed write here is a fault: a dead letter is never silently lost. Thread-safe. */
public final class DeadLetterStore {

    private final DataSource store;

    DeadLetterStore(DataSource store) {
        this.store = store;
    }

    public void write(DeadLetter d) {
        String sql = "INSERT INTO OSM_DEAD_LETTER (RUN_ID, PHASE, ENTITY, SOURCE_ID, REASON, ERROR_CLASS, SQL_STATE,"
                + " VENDOR_CODE, MESSAGE, SOURCE_ROW, MAPPED_ROW, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot write a dead letter for " + d.entity() + " id " + d.sourceId(), e);
        }
    }

    /** Dead letters of one run, or of every run when runId is null, oldest first. */
    public List<DeadLetter> list(String runId) {
        String sql = "SELECT DEAD_LETTER_ID, RUN_ID, PHASE, ENTITY, SOURCE_ID, REASON, ERROR_CLASS, SQL_STATE, VENDOR_CODE,"
                + " MESSAGE, SOURCE_ROW, MAPPED_ROW, CREATED_AT FROM OSM_DEAD_LETTER"
                + (runId == null ? "" : " WHERE RUN_ID = ?") + " ORDER BY DEAD_LETTER_ID";
        List<DeadLetter> result = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (runId != null) {
                ps.setString(1, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int vendor = rs.getInt(9);
                    Integer vendorCode = rs.wasNull() ? null : vendor;
                    result.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), vendorCode, rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StateException("cannot read dead letters", e);
        }
        return result;
    }
}

package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A dialect's set-based update of some columns of rows found by identifier: how deferred references
 * (cycles, self-references) are set after their rows exist. Runs in the caller's transaction.
 */
public interface UpdatePath {

    /** One row to update: its destination identifier and the new values, in the path's column order. */
    record Row(Object id, Object[] values) {
    }

    /** Updates the rows; returns how many rows changed. */
    int update(Connection connection, List<Row> rows) throws SQLException;
}

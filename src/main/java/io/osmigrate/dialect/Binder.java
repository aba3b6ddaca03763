package io.osmigrate.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds osmigrate's values (java.time, BigDecimal, byte[], Long, String…) to statement parameters. */
final class Binder {

    private Binder() {
    }

    static void bind(PreparedStatement ps, int index, Object value, ColumnInfo column) throws SQLException {
        if (value == null) {
            ps.setNull(index, column.jdbcType());
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            ps.setObject(index, value);
        }
    }
}

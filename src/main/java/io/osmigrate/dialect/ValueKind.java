package io.osmigrate.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * How a column's values are read and carried: one Java type per kind, so every OutSystems type
 * round-trips exactly between engines (dates as java.time values, no time-zone shifts; decimals as
 * BigDecimal; binary as byte[]).
 */
public enum ValueKind {
    TEXT, INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, DATE, TIME, TIMESTAMP, BINARY;

    public static ValueKind of(int jdbcType) {
        return switch (jdbcType) {
            case Types.BIGINT -> LONG;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> TEXT;
        };
    }

    /** Reads column {@code i} of the current row; SQL NULL reads as null. */
    public Object read(ResultSet rs, int i) throws SQLException {
        Object v = switch (this) {
            case TEXT -> rs.getString(i);
            case INTEGER -> rs.getInt(i);
            case LONG -> rs.getLong(i);
            case DECIMAL -> rs.getBigDecimal(i);
            case DOUBLE -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case DATE -> rs.getObject(i, LocalDate.class);
            case TIME -> rs.getObject(i, LocalTime.class);
            case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case BINARY -> rs.getBytes(i);
        };
        return rs.wasNull() ? null : v;
    }

    /** Identifiers and references are carried as Long when numeric, else as text. */
    public static Object id(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String s = value.toString().trim();
        return s;
    }
}

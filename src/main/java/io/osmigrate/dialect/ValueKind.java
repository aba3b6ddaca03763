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
            case TIME -> time(rs, i);
            case TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case BINARY -> rs.getBytes(i);
        };
        return rs.wasNull() ? null : v;
    }

    /**
     * A TIME column read as text and parsed by hand when it has the usual {@code HH:MM:SS[.fraction]} form:
     * drivers parse it with a {@code DateTimeFormatter}, which cost a sixth of the reader's time on a table
     * with one TIME column. Any other form goes to the driver.
     */
    private static LocalTime time(ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        if (s == null) {
            return null;
        }
        LocalTime parsed = parseTime(s);
        return parsed != null ? parsed : rs.getObject(i, LocalTime.class);
    }

    /** {@code HH:MM:SS} with an optional fraction of up to nine digits; null for any other form. */
    static LocalTime parseTime(String s) {
        int n = s.length();
        if (n < 8 || s.charAt(2) != ':' || s.charAt(5) != ':') {
            return null;
        }
        int h = twoDigits(s, 0);
        int m = twoDigits(s, 3);
        int sec = twoDigits(s, 6);
        if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 8) {
            if (s.charAt(8) != '.' || n == 9 || n > 18) {
                return null;
            }
            int scale = 100_000_000;
            for (int k = 9; k < n; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
                nanos += (c - '0') * scale;
                scale /= 10;
            }
        }
        return LocalTime.of(h, m, sec, nanos);
    }

    private static int twoDigits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return a < '0' || a > '9' || b < '0' || b > '9' ? -1 : (a - '0') * 10 + (b - '0');
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

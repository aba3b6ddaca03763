package io.osmigrate.dialect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import com.microsoft.sqlserver.jdbc.SQLServerConnection;

/**
 * One batch as a bulk-copy source for a staging table: column 1 is the key, columns 2 … n+1 are
 * {@code c1 … cn}. Values are converted up front to the Java types the driver's bulk writer expects
 * for each JDBC type (it casts: Integer for INTEGER, Long for BIGINT, Boolean for BIT, BigDecimal for
 * DECIMAL, Timestamp for TIMESTAMP, "HH:mm:ss.nnnnnnnnn" for TIME, "yyyy-MM-dd" for DATE).
 *
 * <p>The driver turns a TIMESTAMP into calendar fields through the JVM's default time zone, so a
 * local date-time that does not exist there (a daylight-saving gap) would shift by the gap; {@link
 * #timestampsSafe} finds such batches so the caller can send them as parameters instead. Not
 * thread-safe; iterate once.
 */
final class SqlServerBulkRows implements ISQLServerBulkData {

    private static final long serialVersionUID = 1L;

    /** A source column as the driver sees it. */
    record Column(String name, int jdbcType, int precision, int scale) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<Column> columns;
    private final List<Object[]> rows;
    private int current = -1;

    /**
     * @param key     the key column (source id or destination id)
     * @param columns the destination columns behind {@code c1 … cn}
     * @param keys    one key value per row, already in the key column's Java type
     * @param values  one value array per row, in {@code columns} order
     */
    SqlServerBulkRows(Column key, List<ColumnInfo> columns, List<Object> keys, List<Object[]> values) {
        List<Column> all = new ArrayList<>(columns.size() + 1);
        all.add(key);
        for (int i = 0; i < columns.size(); i++) {
            all.add(column("c" + (i + 1), columns.get(i)));
        }
        this.columns = List.copyOf(all);
        this.rows = new ArrayList<>(keys.size());
        for (int r = 0; r < keys.size(); r++) {
            Object[] row = new Object[all.size()];
            row[0] = keys.get(r);
            Object[] source = values.get(r);
            for (int i = 0; i < columns.size(); i++) {
                row[i + 1] = value(all.get(i + 1).jdbcType(), source[i]);
            }
            rows.add(row);
        }
    }

    /** The key column for a destination id of the given catalog column. */
    static Column keyColumn(String name, ColumnInfo id) {
        return column(name, id);
    }

    /** The bulk column for a catalog column: its JDBC type normalised to one the driver writes, size, decimals. */
    static Column column(String name, ColumnInfo c) {
        int type = switch (ValueKind.of(c.jdbcType())) {
            case LONG -> Types.BIGINT;
            case INTEGER -> c.jdbcType();
            case DECIMAL -> Types.DECIMAL;
            case DOUBLE -> c.jdbcType() == Types.REAL ? Types.REAL : Types.DOUBLE;
            case BOOLEAN -> Types.BIT;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case BINARY -> Types.VARBINARY;
            case TEXT -> switch (c.jdbcType()) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB -> Types.VARCHAR;
                default -> Types.NVARCHAR;
            };
        };
        return new Column(name, type, c.size(), c.decimals());
    }

    /** Converts one value to the Java type the driver's bulk writer expects for {@code jdbcType}; null stays null. */
    static Object value(int jdbcType, Object v) {
        if (v == null) {
            return null;
        }
        return switch (jdbcType) {
            case Types.BIGINT -> ((Number) v).longValue();
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ((Number) v).intValue();
            case Types.DECIMAL -> v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
            case Types.DOUBLE -> ((Number) v).doubleValue();
            case Types.REAL -> ((Number) v).floatValue();
            case Types.BIT -> v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
            case Types.DATE -> date(v);
            case Types.TIME -> time(v);
            case Types.TIMESTAMP -> timestamp(v);
            case Types.VARBINARY -> (byte[]) v;
            default -> v.toString();
        };
    }

    private static String date(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v instanceof LocalDate d ? d.toString() : v.toString();
    }

    /** The driver reads the digits after the point as nanoseconds, so there must be nine of them. */
    private static String time(Object v) {
        LocalTime t = v instanceof java.sql.Time s ? s.toLocalTime() : v instanceof LocalTime l ? l : LocalTime.parse(v.toString());
        return String.format("%02d:%02d:%02d.%09d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    private static Timestamp timestamp(Object v) {
        if (v instanceof Timestamp t) {
            return t;
        }
        return Timestamp.valueOf(v instanceof LocalDateTime l ? l : LocalDateTime.parse(v.toString()));
    }

    /** Whether every local date-time in the batch survives the driver's trip through the default time zone. */
    static boolean timestampsSafe(List<Object[]> values) {
        for (Object[] row : values) {
            for (Object v : row) {
                if (v instanceof LocalDateTime l && !Timestamp.valueOf(l).toLocalDateTime().equals(l)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Bulk-copies the rows into a temp table of the connection's own session, inside its open transaction. */
    void writeTo(Connection connection, String table) throws SQLException {
        try (SQLServerBulkCopy copy = new SQLServerBulkCopy(connection.unwrap(SQLServerConnection.class))) {
            SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
            options.setKeepNulls(true);
            options.setTableLock(true);
            options.setBulkCopyTimeout(0);
            options.setUseInternalTransaction(false);
            copy.setBulkCopyOptions(options);
            copy.setDestinationTableName(table);
            for (int i = 1; i <= columns.size(); i++) {
                copy.addColumnMapping(i, i);
            }
            copy.writeToServer(this);
        }
    }

    @Override
    public Set<Integer> getColumnOrdinals() {
        Set<Integer> ordinals = new LinkedHashSet<>();
        for (int i = 1; i <= columns.size(); i++) {
            ordinals.add(i);
        }
        return ordinals;
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column - 1).name();
    }

    @Override
    public int getColumnType(int column) {
        return columns.get(column - 1).jdbcType();
    }

    @Override
    public int getPrecision(int column) {
        return columns.get(column - 1).precision();
    }

    @Override
    public int getScale(int column) {
        return columns.get(column - 1).scale();
    }

    @Override
    public Object[] getRowData() {
        return rows.get(current).clone();
    }

    @Override
    public boolean next() {
        if (current + 1 >= rows.size()) {
            current = rows.size();
            return false;
        }
        current++;
        return true;
    }
}

package io.osmigrate.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.MetamodelException;

/**
 * Plain parameterised JDBC on one platform table of the destination (OSSYS_USER, OSSYS_GROUP…): names are
 * resolved against the catalog and quoted by the dialect; columns the table lacks are left out (real
 * tables differ); booleans are bound as the column's type wants (BIT/BOOLEAN or 0/1); new identity values
 * come back through getGeneratedKeys. Statements run on the caller's connection and transaction.
 * Immutable and thread-safe.
 */
final class PlatformRowWriter {

    private final Environment env;
    private final String table;
    private final Map<String, ColumnInfo> columns;

    PlatformRowWriter(Environment env, String table) {
        this.env = env;
        this.table = env.catalog().table(table).orElseThrow(() -> new MetamodelException("environment '" + env.name()
                + "' has no table " + table));
        this.columns = env.catalog().columns(table);
    }

    boolean has(String column) {
        return columns.containsKey(column.toUpperCase(Locale.ROOT));
    }

    /** The column as the catalog spells it, quoted. */
    String column(String name) {
        ColumnInfo info = columns.get(name.toUpperCase(Locale.ROOT));
        if (info == null) {
            throw new MetamodelException("environment '" + env.name() + "': table " + table + " has no column " + name);
        }
        return env.dialect().quote(info.name());
    }

    String table() {
        return env.dialect().quote(table);
    }

    /** Whether the identifier column is an identity (else a new id must be chosen by the writer). */
    boolean identity(String idColumn) {
        ColumnInfo info = columns.get(idColumn.toUpperCase(Locale.ROOT));
        return info != null && info.autoIncrement();
    }

    /**
     * Inserts one row (columns the table lacks are dropped) and returns its new {@code idColumn} value: the
     * identity's, or, where the column is no identity, MAX + 1 read within the caller's transaction. With
     * a null {@code idColumn} (or a table without it) nothing is returned.
     */
    Long insert(Connection c, Map<String, Object> values, String idColumn) throws SQLException {
        Map<String, Object> present = new LinkedHashMap<>();
        Long chosenId = null;
        boolean returnsId = idColumn != null && has(idColumn) && identity(idColumn);
        if (idColumn != null && has(idColumn) && !returnsId) {
            chosenId = nextId(c, idColumn);
            present.put(idColumn, chosenId);
        }
        values.forEach((k, v) -> {
            if (has(k)) {
                present.put(k, v);
            }
        });
        List<String> names = new ArrayList<>();
        present.keySet().forEach(k -> names.add(column(k)));
        String sql = "INSERT INTO " + table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        try (PreparedStatement ps = returnsId ? c.prepareStatement(sql, new String[] {columns.get(
                idColumn.toUpperCase(Locale.ROOT)).name()}) : c.prepareStatement(sql)) {
            bind(ps, present);
            ps.executeUpdate();
            if (!returnsId) {
                return chosenId;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated " + idColumn + " came back from the insert into " + table);
                }
                return keys.getLong(1);
            }
        }
    }

    private long nextId(Connection c, String idColumn) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(" + column(idColumn) + ") FROM " + table())) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** {@code UPDATE table SET … WHERE where = ?}; returns the updated row count. */
    int update(Connection c, Map<String, Object> values, String where, Object key) throws SQLException {
        Map<String, Object> present = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (has(k)) {
                present.put(k, v);
            }
        });
        if (present.isEmpty()) {
            return 0;
        }
        List<String> sets = new ArrayList<>();
        present.keySet().forEach(k -> sets.add(column(k) + " = ?"));
        present.put(where, key);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table() + " SET " + String.join(", ", sets) + " WHERE "
                + column(where) + " = ?")) {
            bind(ps, present);
            return ps.executeUpdate();
        }
    }

    /**
     * Every row with {@code where = key}, read on the caller's transaction, as column (upper case) → value:
     * every column the table has, so a row can be inserted again whole. Date-times come as LocalDateTime;
     * other values as the driver gives them.
     */
    List<Map<String, Object>> select(Connection c, String where, Object key) throws SQLException {
        List<String> names = new ArrayList<>(columns.keySet());
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(column(n)));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", quoted) + " FROM " + table()
                + " WHERE " + column(where) + " = ?")) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put(where, key);
            bind(ps, value);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        int type = columns.get(names.get(i)).jdbcType();
                        boolean dateTime = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
                        Object v = rs.getObject(i + 1);
                        row.put(names.get(i), v != null && dateTime ? rs.getObject(i + 1, LocalDateTime.class) : v);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** {@code DELETE FROM table WHERE column = ?}; returns the deleted row count. */
    int delete(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE " + column(where) + " = ?")) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put(where, key);
            bind(ps, value);
            return ps.executeUpdate();
        }
    }

    private void bind(PreparedStatement ps, Map<String, Object> values) throws SQLException {
        int i = 1;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            ColumnInfo info = columns.get(e.getKey().toUpperCase(Locale.ROOT));
            Object v = e.getValue();
            if (v == null) {
                ps.setNull(i, info.jdbcType());
            } else if (v instanceof Boolean b) {
                if (info.jdbcType() == Types.BOOLEAN || info.jdbcType() == Types.BIT) {
                    ps.setBoolean(i, b);
                } else {
                    ps.setInt(i, b ? 1 : 0);
                }
            } else if (v instanceof Long n) {
                ps.setLong(i, n);
            } else if (v instanceof Integer n) {
                ps.setInt(i, n);
            } else if (v instanceof LocalDateTime t) {
                ps.setObject(i, t);
            } else if (v instanceof String text) {
                ps.setString(i, text);
            } else {
                ps.setObject(i, v); // a value read back by select, of the column's own type
            }
            i++;
        }
    }
}

package io.osmigrate.dialect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's set-based update: one {@code UPDATE … FROM unnest(arrays)} per batch, whatever its size
 * (one bind parameter per column, not per row). Only rows whose values change are written: a re-run sets every
 * deferred reference again, and most already hold their value.
 */
final class PostgresUnnestUpdatePath implements UpdatePath {

    private final ColumnInfo idColumn;
    private final List<ColumnInfo> columns;
    private final String sql;

    PostgresUnnestUpdatePath(Dialect dialect, String table, ColumnInfo idColumn, List<ColumnInfo> columns) {
        this.idColumn = idColumn;
        this.columns = List.copyOf(columns);
        List<String> names = new ArrayList<>();
        List<String> params = new ArrayList<>();
        names.add("osm_id");
        params.add("?::" + idColumn.typeName() + "[]");
        for (int i = 0; i < columns.size(); i++) {
            names.add("c" + i);
            params.add("?::" + columns.get(i).typeName() + "[]");
        }
        StringBuilder set = new StringBuilder();
        StringBuilder differs = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String column = dialect.quote(columns.get(i).name());
            set.append(i == 0 ? "" : ", ").append(column).append(" = v.c").append(i);
            differs.append(i == 0 ? "" : " OR ").append("t.").append(column).append(" IS DISTINCT FROM v.c").append(i);
        }
        this.sql = "UPDATE " + dialect.quote(table) + " AS t SET " + set + " FROM unnest(" + String.join(", ", params)
                + ") AS v(" + String.join(", ", names) + ") WHERE t." + dialect.quote(idColumn.name()) + " = v.osm_id AND ("
                + differs + ")";
    }

    String sql() {
        return sql;
    }

    @Override
    public int update(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, array(connection, idColumn, rows.stream().map(Row::id).toArray()));
            for (int i = 0; i < columns.size(); i++) {
                int col = i;
                ps.setArray(i + 2, array(connection, columns.get(i), rows.stream().map(r -> r.values()[col]).toArray()));
            }
            return ps.executeUpdate();
        }
    }

    private static Array array(Connection c, ColumnInfo column, Object[] values) throws SQLException {
        String type = column.typeName();
        Object[] typed = switch (ValueKind.of(column.jdbcType())) {
            case LONG -> java.util.Arrays.stream(values).map(v -> v == null ? null : ((Number) v).longValue()).toArray(Long[]::new);
            case INTEGER -> java.util.Arrays.stream(values).map(v -> v == null ? null : ((Number) v).intValue()).toArray(Integer[]::new);
            case BINARY -> java.util.Arrays.stream(values).map(v -> (byte[]) v).toArray(byte[][]::new);
            default -> java.util.Arrays.stream(values).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
        };
        return c.createArrayOf(type, typed);
    }
}

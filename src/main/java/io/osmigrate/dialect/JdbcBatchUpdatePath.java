package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portable update path: one parameterised UPDATE per row, sent as a JDBC batch, writing only a row whose values
 * change (a re-run sets every deferred reference again, and most already hold their value).
 */
final class JdbcBatchUpdatePath implements UpdatePath {

    private final ColumnInfo idColumn;
    private final List<ColumnInfo> columns;
    private final String sql;

    JdbcBatchUpdatePath(Dialect dialect, String table, ColumnInfo idColumn, List<ColumnInfo> columns) {
        this.idColumn = idColumn;
        this.columns = List.copyOf(columns);
        this.sql = "UPDATE " + dialect.quote(table) + " SET "
                + columns.stream().map(c -> dialect.quote(c.name()) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + dialect.quote(idColumn.name()) + " = ? AND ("
                + columns.stream().map(c -> dialect.quote(c.name()) + " IS DISTINCT FROM ?").collect(Collectors.joining(" OR "))
                + ")";
    }

    @Override
    public int update(Connection connection, List<Row> rows) throws SQLException {
        int changed = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Row row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    Binder.bind(ps, i + 1, row.values()[i], columns.get(i));
                }
                Binder.bind(ps, columns.size() + 1, row.id(), idColumn);
                for (int i = 0; i < columns.size(); i++) {
                    Binder.bind(ps, columns.size() + 2 + i, row.values()[i], columns.get(i));
                }
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                changed += Math.max(n, 0);
            }
        }
        return changed;
    }
}

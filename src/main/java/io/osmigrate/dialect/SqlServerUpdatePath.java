package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.osmigrate.dialect.SqlServerStatements.TempTable;

/**
 * SQL Server's set-based update of some columns by destination id (deferred references): the batch
 * is bulk-copied into the session temp table {@code #osm_upd_…} (id as primary key, then
 * {@code c1 … cn}), then one {@code UPDATE t SET t.[col] = s.[c1], … FROM [table] AS t JOIN
 * #osm_upd_… AS s ON t.[id] = s.osm_id} updates them all, and the stage is truncated. Small batches
 * (see {@link SqlServerStatements#useValues}) join a parameterised {@code (VALUES (?, …), …)}
 * instead, in chunks within the 2,100-parameter cap.
 *
 * <p>Runs inside the caller's open transaction and never commits. One instance per table and run;
 * not thread-safe.
 */
final class SqlServerUpdatePath implements UpdatePath {

    private final String table;
    private final ColumnInfo idColumn;
    private final List<ColumnInfo> columns;
    private final SqlServerStatements sql;

    SqlServerUpdatePath(Dialect dialect, String table, ColumnInfo idColumn, List<ColumnInfo> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an update of " + table + " needs at least one column");
        }
        this.table = table;
        this.idColumn = idColumn;
        this.columns = List.copyOf(columns);
        this.sql = new SqlServerStatements(dialect);
    }

    @Override
    public int update(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        requireDistinctIds(rows);
        int params = 1 + columns.size();
        List<Object[]> values = rows.stream().map(Row::values).toList();
        if (SqlServerStatements.useValues(rows.size(), params) || !SqlServerBulkRows.timestampsSafe(values)) {
            return updateValues(connection, rows);
        }
        TempTable stage = sql.updateStage(idColumn, columns);
        SqlServerTempTables.prepare(connection, List.of(stage));
        SqlServerBulkRows.Column key = SqlServerBulkRows.column(SqlServerStatements.KEY, idColumn);
        List<Object> keys = rows.stream().map(r -> SqlServerBulkRows.value(key.jdbcType(), r.id())).toList();
        new SqlServerBulkRows(key, columns, keys, values).writeTo(connection, stage.name());
        int changed;
        try (PreparedStatement ps = connection.prepareStatement(sql.updateFromStage(table, idColumn, columns, stage))) {
            changed = ps.executeUpdate();
        }
        SqlServerTempTables.execute(connection, SqlServerStatements.truncate(stage));
        return changed;
    }

    /** The parameterised form, in chunks of floor(2099 / params per row) rows. */
    int updateValues(Connection connection, List<Row> rows) throws SQLException {
        int changed = 0;
        for (List<Row> chunk : SqlServerStatements.chunks(rows, 1 + columns.size())) {
            try (PreparedStatement ps = connection.prepareStatement(sql.updateFromValues(table, idColumn, columns, chunk.size()))) {
                int p = 1;
                for (Row row : chunk) {
                    Binder.bind(ps, p++, row.id(), idColumn);
                    for (int i = 0; i < columns.size(); i++) {
                        Binder.bind(ps, p++, row.values()[i], columns.get(i));
                    }
                }
                changed += ps.executeUpdate();
            }
        }
        return changed;
    }

    /** One id twice would make the joined UPDATE pick either value at random (or fail the stage's key). */
    private static void requireDistinctIds(List<Row> rows) {
        Set<Object> seen = new HashSet<>(rows.size() * 2);
        for (Row row : rows) {
            if (row.id() == null || !seen.add(row.id() instanceof Number n ? (Object) n.longValue() : row.id().toString())) {
                throw new IllegalArgumentException("id " + row.id() + " is null or repeated in one update batch");
            }
        }
    }
}

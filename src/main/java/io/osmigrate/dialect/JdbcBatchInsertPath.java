package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portable write path: one parameterised INSERT per row, sent as a JDBC batch, with the
 * generated key of each statement read back by batch position (one key per statement, which H2 and
 * pgjdbc both return in order). H2's fastest correct idiom; PostgreSQL's fallback when sequences
 * cannot be used. Not for SQL Server, whose driver returns no keys for batches.
 */
final class JdbcBatchInsertPath implements InsertPath {

    private final InsertTarget target;
    private final String sql;

    JdbcBatchInsertPath(Dialect dialect, InsertTarget target) {
        this.target = target;
        List<String> columns = new ArrayList<>();
        if (!target.generatedId()) {
            columns.add(target.idColumn().name());
        }
        columns.addAll(target.columnNames());
        this.sql = "INSERT INTO " + dialect.quote(target.table()) + " ("
                + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    String sql() {
        return sql;
    }

    @Override
    public List<IdPair> insert(Connection connection, List<InsertRow> rows) throws SQLException {
        List<IdPair> pairs = new ArrayList<>(rows.size());
        try (PreparedStatement ps = target.generatedId()
                ? connection.prepareStatement(sql, new String[] {target.idColumn().name()})
                : connection.prepareStatement(sql)) {
            for (InsertRow row : rows) {
                int p = 1;
                if (!target.generatedId()) {
                    Binder.bind(ps, p++, row.explicitId(), target.idColumn());
                }
                for (int i = 0; i < row.values().length; i++) {
                    Binder.bind(ps, p++, row.values()[i], target.columns().get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
            if (!target.generatedId()) {
                rows.forEach(r -> pairs.add(new IdPair(r.sourceId(), r.explicitId())));
                return pairs;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (InsertRow row : rows) {
                    if (!keys.next()) {
                        throw new SQLException("the driver returned fewer generated keys than rows inserted into " + target.table());
                    }
                    pairs.add(new IdPair(row.sourceId(), keys.getLong(1)));
                }
            }
        }
        return pairs;
    }
}

package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.ValueKind;

/**
 * Reads destination rows by identifier: the identifier and a table plan's slot columns, each read as its column's
 * kind (as the pipeline carries values), a thousand identifiers per query (SQL Server takes at most 2,100
 * parameters). Reads only; the caller's connection and transaction.
 */
final class DestinationRows {

    private static final int CHUNK = 1_000;

    private DestinationRows() {
    }

    /**
     * @param ids destination identifiers (Long, or text), as the key map holds them
     * @return the rows found, by identifier as the key map holds it; an identifier with no row is absent
     */
    static Map<Object, Object[]> read(Connection c, Dialect dialect, TablePlan plan, List<Object> ids) throws SQLException {
        ColumnInfo id = plan.target().idColumn();
        List<Slot> slots = plan.slots();
        String columns = slots.stream().map(s -> ", " + dialect.quote(s.destination().name())).collect(Collectors.joining());
        Map<Object, Object[]> rows = new HashMap<>(ids.size() * 2);
        ValueKind idKind = ValueKind.of(id.jdbcType());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String sql = "SELECT " + dialect.quote(id.name()) + columns + " FROM " + dialect.quote(plan.target().table())
                    + " WHERE " + dialect.quote(id.name()) + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] values = new Object[slots.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = slots.get(i).kind().read(rs, i + 2);
                        }
                        rows.put(ValueKind.id(idKind.read(rs, 1)), values);
                    }
                }
            }
        }
        return rows;
    }
}

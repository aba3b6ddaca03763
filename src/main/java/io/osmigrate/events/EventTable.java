package io.osmigrate.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.env.Environment;

/**
 * One OSEVT_* table of the destination, as its catalog spells it and with all its columns: OutSystems adds
 * columns of its own beyond the documented ones, and a subscription is put back with every one of them.
 */
record EventTable(String name, List<ColumnInfo> columns) {

    static Optional<EventTable> resolve(Environment env, String spelled) {
        return env.catalog().table(spelled).map(t -> new EventTable(t, List.copyOf(env.catalog().columns(t).values())));
    }

    /** Every row, read inside the caller's transaction. */
    List<EventRow> read(Connection c, Dialect d) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        String select = "SELECT " + columns.stream().map(col -> d.quote(col.name())).collect(Collectors.joining(", "))
                + " FROM " + d.quote(name);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                rows.add(EventRow.read(rs, columns));
            }
        }
        return rows;
    }

    int deleteAll(Connection c, Dialect d) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM " + d.quote(name));
        }
    }

    /**
     * Inserts rows, each with exactly the columns it was saved with, inside the caller's transaction. A saved
     * column the table no longer has is an error naming it: the row could not go back as it was.
     */
    void insert(Connection c, Dialect d, List<EventRow> rows) throws SQLException {
        Map<String, ColumnInfo> byKey = columns.stream().collect(Collectors.toMap(col -> EventRow.key(col.name()), col -> col));
        Map<List<String>, List<EventRow>> byColumns = rows.stream()
                .collect(Collectors.groupingBy(EventRow::columnKeys, java.util.LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<List<String>, List<EventRow>> group : byColumns.entrySet()) {
            List<ColumnInfo> target = new ArrayList<>();
            for (String k : group.getKey()) {
                ColumnInfo col = byKey.get(k);
                if (col == null) {
                    throw new IllegalStateException("the saved subscriptions of " + name + " have a column " + k
                            + " that the table no longer has, so they cannot go back as they were; they stay saved in the"
                            + " state store. Publish the module that owns the table again, then run the events phase");
                }
                target.add(col);
            }
            String sql = "INSERT INTO " + d.quote(name) + " (" + target.stream().map(col -> d.quote(col.name()))
                    .collect(Collectors.joining(", ")) + ") VALUES (" + String.join(", ", Collections.nCopies(target.size(), "?"))
                    + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (EventRow row : group.getValue()) {
                    for (int i = 0; i < target.size(); i++) {
                        Object v = EventRow.value(row.cells().get(i));
                        if (v == null) {
                            ps.setNull(i + 1, target.get(i).jdbcType());
                        } else {
                            ps.setObject(i + 1, v);
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}

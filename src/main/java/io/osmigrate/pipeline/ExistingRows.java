package io.osmigrate.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.InsertTarget;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.MatchColumn;

/**
 * Finds the destination row a rejected row collides with, for the match-existing policy: by the
 * spec's match attributes when given, else by the first unique index of the destination table whose
 * columns the insert writes. Immutable once made; thread-safe (each call uses the caller's connection).
 */
final class ExistingRows {

    private final List<Integer> keySlots = new ArrayList<>();
    private final boolean byIdentifier;
    private final String sql;

    ExistingRows(TableRun table) {
        Dialect dialect = table.run().destination().dialect();
        InsertTarget target = table.plan().target();
        List<String> keyColumns = new ArrayList<>();
        List<String> writable = target.columnNames().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        if (!table.plan().match().isEmpty()) {
            for (MatchColumn m : table.plan().match()) {
                keyColumns.add(m.destinationColumn());
            }
        } else {
            for (List<String> index : table.run().destination().catalog().uniqueIndexes(target.table())) {
                boolean onId = index.size() == 1 && index.get(0).equalsIgnoreCase(target.idColumn().name());
                if (onId && !target.generatedId()
                        || !onId && index.stream().allMatch(c -> writable.contains(c.toUpperCase(Locale.ROOT)))) {
                    keyColumns.addAll(index);
                    break;
                }
            }
        }
        boolean identifier = false;
        for (String k : keyColumns) {
            int slot = writable.indexOf(k.toUpperCase(Locale.ROOT));
            if (slot < 0 && k.equalsIgnoreCase(target.idColumn().name())) {
                identifier = true;
            }
            keySlots.add(slot);
        }
        this.byIdentifier = identifier;
        this.sql = keyColumns.isEmpty() ? null : "SELECT " + dialect.quote(target.idColumn().name()) + " FROM "
                + dialect.quote(target.table()) + " WHERE "
                + String.join(" AND ", keyColumns.stream().map(c -> dialect.quote(c) + " = ?").toList());
    }

    /** The identifier of the destination row with the same key, if there is exactly such a row. */
    Optional<Object> find(Connection c, PendingRow row) throws SQLException {
        if (sql == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keySlots.size(); i++) {
                int slot = keySlots.get(i);
                Object value = slot >= 0 ? row.values[slot] : byIdentifier ? row.explicitId : null;
                if (value == null) {
                    return Optional.empty(); // NULL never equals: no collision on this key
                }
                ps.setObject(i + 1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ValueKind.id(rs.getObject(1))) : Optional.empty();
            }
        }
    }

    boolean hasKey() {
        return sql != null;
    }
}

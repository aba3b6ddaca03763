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
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.MatchColumn;

/**
 * Finds the destination row a rejected row collides with, for the match-existing policy: by the
 * spec's match attributes when given, else by the first unique index of the destination table whose
 * columns the insert writes. Not thread-safe; one per entity.
 */
final class ExistingRows {

    private final EntityJob job;
    private final List<Integer> keySlots = new ArrayList<>();
    private final boolean byIdentifier;
    private final String sql;

    ExistingRows(EntityJob job) {
        this.job = job;
        Dialect dialect = job.run().destination().dialect();
        List<String> keyColumns = new ArrayList<>();
        List<String> writable = job.target().columnNames().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        if (!job.entity().match().isEmpty()) {
            for (MatchColumn m : job.entity().match()) {
                keyColumns.add(m.destinationColumn());
            }
        } else {
            for (List<String> index : job.run().destination().catalog().uniqueIndexes(job.entity().destinationTable())) {
                boolean onId = index.size() == 1 && index.get(0).equalsIgnoreCase(job.target().idColumn().name());
                if (onId && !job.target().generatedId()
                        || !onId && index.stream().allMatch(c -> writable.contains(c.toUpperCase(Locale.ROOT)))) {
                    keyColumns.addAll(index);
                    break;
                }
            }
        }
        boolean identifier = false;
        for (String k : keyColumns) {
            int slot = writable.indexOf(k.toUpperCase(Locale.ROOT));
            if (slot < 0 && k.equalsIgnoreCase(job.target().idColumn().name())) {
                identifier = true;
            }
            keySlots.add(slot);
        }
        this.byIdentifier = identifier;
        this.sql = keyColumns.isEmpty() ? null : "SELECT " + dialect.quote(job.target().idColumn().name()) + " FROM "
                + dialect.quote(job.entity().destinationTable()) + " WHERE "
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

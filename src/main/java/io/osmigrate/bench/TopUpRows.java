package io.osmigrate.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.plan.IdentifierKind;

/**
 * New source rows for the top-up measurement: {@code n} rows spread over the moved tables with a generated
 * identifier in proportion to their size, each a copy of one of the table's latest rows under a new id (its
 * references point at rows already moved, as a day's new orders point at existing customers). Tables whose
 * identifier is copied or is a reference are left alone: a copy would repeat their key.
 */
final class TopUpRows {

    private TopUpRows() {
    }

    /** Adds the rows in the source; returns how many each table got. */
    static Map<String, Long> add(BenchDatabases dbs, List<TableCopy> tables, int n) throws SQLException {
        List<TableCopy> generated = tables.stream()
                .filter(t -> t.entity().identifier().kind() == IdentifierKind.AUTONUMBER && t.entity().sourceRows() > 0).toList();
        Map<String, Long> added = spread(generated, n);
        try (Connection src = dbs.source(); Statement s = src.createStatement()) {
            for (TableCopy t : generated) {
                long share = added.get(t.name());
                if (share == 0) {
                    continue;
                }
                String table = t.quoteSource(t.sourceTable());
                String id = t.quoteSource(t.identifier().source().name());
                String columns = String.join(", ", otherColumns(s, table, t.identifier().source().name(), t));
                long copied = s.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + table
                        + " WHERE " + id + " IN (SELECT " + id + " FROM " + table + " ORDER BY " + id + " DESC FETCH FIRST "
                        + share + " ROWS ONLY)");
                added.put(t.name(), copied);
            }
            if (!src.getAutoCommit()) {
                src.commit();
            }
        }
        return added;
    }

    /** {@code n} rows spread over the tables in proportion to their source rows; the last table takes what is left. */
    static Map<String, Long> spread(List<TableCopy> tables, long n) {
        long total = tables.stream().mapToLong(t -> t.entity().sourceRows()).sum();
        Map<String, Long> shares = new LinkedHashMap<>();
        long left = n;
        for (int i = 0; i < tables.size(); i++) {
            TableCopy t = tables.get(i);
            long share = i == tables.size() - 1 ? left : Math.min(left, Math.round((double) n * t.entity().sourceRows() / total));
            left -= share;
            shares.put(t.name(), share);
        }
        return shares;
    }

    /** Every column of the source table but its identifier, quoted. */
    private static List<String> otherColumns(Statement s, String table, String idColumn, TableCopy t) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!meta.getColumnName(i).equalsIgnoreCase(idColumn)) {
                    columns.add(t.quoteSource(meta.getColumnName(i)));
                }
            }
        }
        return columns;
    }
}

package io.osmigrate.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.osmigrate.plan.ColumnRole;

/**
 * Changed source rows for the refresh measurement: {@code n} rows already moved, spread over the moved tables
 * that have a plain numeric attribute in proportion to their size, each with that attribute's value raised by
 * one (the first rows by id: rows of the first run, as yesterday's orders change today).
 */
final class ChangedRows {

    private static final Set<Integer> NUMERIC = Set.of(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DECIMAL,
            Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL);

    private ChangedRows() {
    }

    /** Changes the rows in the source; returns how many rows of each table changed. */
    static Map<String, Long> change(BenchDatabases dbs, List<TableCopy> tables, int n) throws SQLException {
        List<TableCopy> changeable = tables.stream().filter(t -> t.entity().sourceRows() > 0 && numeric(t).isPresent()).toList();
        Map<String, Long> changed = TopUpRows.spread(changeable, n);
        try (Connection src = dbs.source(); Statement s = src.createStatement()) {
            for (TableCopy t : changeable) {
                long share = changed.get(t.name());
                if (share == 0) {
                    continue;
                }
                String table = t.quoteSource(t.sourceTable());
                String id = t.quoteSource(t.identifier().source().name());
                String column = t.quoteSource(numeric(t).orElseThrow().source().name());
                changed.put(t.name(), (long) s.executeUpdate("UPDATE " + table + " SET " + column + " = COALESCE(" + column
                        + ", 0) + 1 WHERE " + id + " IN (SELECT " + id + " FROM " + table + " ORDER BY " + id + " FETCH FIRST "
                        + share + " ROWS ONLY)"));
            }
            if (!src.getAutoCommit()) {
                src.commit();
            }
        }
        return changed;
    }

    /** The table's first plain numeric attribute (not its identifier, not a reference). */
    private static Optional<TableCopy.Column> numeric(TableCopy t) {
        return t.columns().stream().skip(1).filter(c -> c.role() == ColumnRole.VALUE && c.source() != null
                && NUMERIC.contains(c.source().jdbcType())).findFirst();
    }
}

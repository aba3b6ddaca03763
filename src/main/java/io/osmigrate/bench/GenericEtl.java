package io.osmigrate.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.osmigrate.plan.Identifier;
import io.osmigrate.plan.IdentifierKind;

/**
 * What a generic ETL tool does with the same rows: every moved table in load order, its rows streamed, each
 * reference to a moved entity remapped from the pairs the tool captured itself (kept in memory), the rows written in
 * JDBC batches that return the generated keys, and the new pairs kept for the tables that follow.
 *
 * <p>The input is the rows the data phase wrote (so static, user and tenant references already hold the
 * destination's values, which an ETL would look up in memory too), read from the destination tables, their
 * identifiers playing the source ids. They go into copies with the destination's keys, indexes and foreign keys
 * and a generated identifier ({@link CopyTables.Variant#ETL}), whose foreign keys to a moved parent point at that
 * parent's copy. A reference to a row not yet written (a cycle's back edge, a self-reference to a later row) is
 * left empty and not set afterwards: the ETL is spared the second pass osmigrate makes, which flatters it.
 * Batches of osmigrate's batch size, one commit per batch, one connection. Timed per table from the first read to
 * the last commit; the copies are made before the clock starts.
 */
final class GenericEtl {

    static final String METHOD = "per table in load order: streamed read, references to moved entities remapped from the"
            + " pairs captured in memory, JDBC batches of INSERTs returning generated keys (pairs kept in memory), a commit"
            + " per batch, one connection, into copies with the destination's keys, indexes and foreign keys; references to"
            + " rows not yet written left empty (no second pass)";

    private GenericEtl() {
    }

    static BenchResult.Copy run(BenchDatabases dbs, List<TableCopy> tables, int batchSize, int fetchSize) throws SQLException {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            indexOf.put(tables.get(i).name(), i);
        }
        List<Map<Object, Object>> pairs = new ArrayList<>();
        tables.forEach(t -> pairs.add(new HashMap<>()));
        List<BenchResult.Table> figures = new ArrayList<>();
        long emptied = 0;
        try (Connection src = dbs.destination(); Connection dst = dbs.destination()) {
            // a foreign key to a table copied later (a cycle's back edge) keeps its parent: those references stay empty
            Map<String, String> copiesOf = new LinkedHashMap<>();
            for (TableCopy t : tables) {
                copiesOf.put(t.destinationTable().toLowerCase(Locale.ROOT), name(t));
                CopyTables.create(dst, dbs.engine(), t, name(t), CopyTables.Variant.ETL, copiesOf);
            }
            src.setAutoCommit(false); // a PostgreSQL cursor, so the rows stream
            dst.setAutoCommit(false);
            for (int i = 0; i < tables.size(); i++) {
                TableCopy t = tables.get(i);
                Table table = new Table(t, targets(t, indexOf), pairs, pairs.get(i));
                long start = System.nanoTime();
                long rows = table.copy(src, dst, batchSize, fetchSize);
                figures.add(new BenchResult.Table(t.name(), t.destinationTable(), name(t), rows, (System.nanoTime() - start) / 1e9));
                emptied += table.emptied;
            }
        }
        long rows = figures.stream().mapToLong(BenchResult.Table::rows).sum();
        double seconds = figures.stream().mapToDouble(BenchResult.Table::seconds).sum();
        return new BenchResult.Copy("generic-etl", METHOD + "; copy tables: " + CopyTables.describe(dbs.engine(),
                CopyTables.Variant.ETL) + "; " + emptied + " references to rows not yet written left empty", 1, rows, seconds,
                Benchmark.rate(rows, seconds), figures, List.of());
    }

    private static String name(TableCopy t) {
        return "bench_etl_" + t.entity().order();
    }

    /**
     * For each copied column, the index of the moved table it references, else -1; the identifier (column 0)
     * references one when it is itself a reference (a one-to-one extension entity).
     */
    private static int[] targets(TableCopy t, Map<String, Integer> indexOf) {
        int[] targets = new int[t.columns().size()];
        Identifier id = t.entity().identifier();
        targets[0] = id.kind() == IdentifierKind.REFERENCE ? indexOf.getOrDefault(id.target().qualifiedName(), -1) : -1;
        for (int c = 1; c < targets.length; c++) {
            TableCopy.Column column = t.columns().get(c);
            targets[c] = t.entity().column(column.attribute())
                    .filter(p -> p.target() != null)
                    .map(p -> indexOf.getOrDefault(p.target().qualifiedName(), -1)).orElse(-1);
        }
        return targets;
    }

    /** Numbers of any width as one key type, so an INTEGER reference finds a BIGINT identifier's pair. */
    private static Object key(Object v) {
        return v instanceof Number n ? (Object) n.longValue() : v;
    }

    /** One table's copy: its batches and the pairs it captures. */
    private static final class Table {

        private final TableCopy t;
        private final int[] targets;
        private final List<Map<Object, Object>> pairs;
        private final Map<Object, Object> own;
        /** The destination generates the identifier: the batch returns it; else it is written (copied or remapped). */
        private final boolean generated;
        private final List<Object> batchIds = new ArrayList<>();
        private final List<Object> batchNewIds = new ArrayList<>();
        private long emptied;

        Table(TableCopy t, int[] targets, List<Map<Object, Object>> pairs, Map<Object, Object> own) {
            this.t = t;
            this.targets = targets;
            this.pairs = pairs;
            this.own = own;
            this.generated = t.entity().identifier().kind() == IdentifierKind.AUTONUMBER;
        }

        long copy(Connection src, Connection dst, int batchSize, int fetchSize) throws SQLException {
            int n = t.columns().size();
            int first = generated ? 1 : 0;
            String insert = "INSERT INTO " + name(t) + " (" + t.destinationColumns(!generated) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(n - first, "?")) + ")";
            long rows = 0;
            try (Statement read = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                 PreparedStatement ps = generated ? dst.prepareStatement(insert, new String[] {t.identifier().destination().name()})
                         : dst.prepareStatement(insert)) {
                read.setFetchSize(fetchSize);
                try (ResultSet rs = read.executeQuery(t.destinationSelect())) {
                    while (rs.next()) {
                        Object id = key(rs.getObject(1));
                        for (int c = first; c < n; c++) {
                            Object v = c == 0 ? id : rs.getObject(c + 1);
                            if (v != null && targets[c] >= 0) {
                                v = pairs.get(targets[c]).get(key(v));
                                if (v == null) {
                                    emptied++;
                                }
                            }
                            if (v == null) {
                                ps.setNull(c - first + 1, t.columns().get(c).destination().jdbcType());
                            } else {
                                ps.setObject(c - first + 1, v);
                            }
                            if (c == 0) {
                                batchNewIds.add(v);
                            }
                        }
                        ps.addBatch();
                        batchIds.add(id);
                        if (batchIds.size() == batchSize) {
                            rows += flush(dst, ps);
                        }
                    }
                }
                if (!batchIds.isEmpty()) {
                    rows += flush(dst, ps);
                }
                src.commit();
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                src.rollback();
                throw e;
            }
            return rows;
        }

        private int flush(Connection dst, PreparedStatement ps) throws SQLException {
            ps.executeBatch();
            if (generated) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        batchNewIds.add(keys.getLong(1));
                    }
                }
            }
            if (batchNewIds.size() != batchIds.size()) {
                throw new SQLException("a batch of " + batchIds.size() + " rows into " + name(t) + " returned "
                        + batchNewIds.size() + " identifiers");
            }
            dst.commit();
            for (int i = 0; i < batchIds.size(); i++) {
                own.put(batchIds.get(i), key(batchNewIds.get(i)));
            }
            int written = batchIds.size();
            batchIds.clear();
            batchNewIds.clear();
            return written;
        }
    }
}

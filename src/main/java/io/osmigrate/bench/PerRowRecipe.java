package io.osmigrate.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.Mode;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;

/**
 * The guide's per-row recipe, on a sample of the largest moved table that references another entity of the
 * plan (OrderLine → Order in the sample solution): for each source row, read in identifier order, <b>one
 * lookup query</b> {@code SELECT dst_id FROM bench_keymap WHERE src_id = ?} and <b>one INSERT with generated
 * keys</b> ({@code prepareStatement(sql, {id})}, {@code executeUpdate()}, {@code getGeneratedKeys()}), on one
 * destination connection with autocommit off and one commit at the end. The new (source id → new id) pair is
 * kept in a HashMap, which costs the recipe nothing on the server (so the baseline is, if anything, flattered).
 *
 * <p>{@code bench_keymap(src_id BIGINT PRIMARY KEY, dst_id BIGINT)} is a real table in the destination
 * database, filled before the clock starts with the pairs the data phase recorded for the referenced entity (read
 * from osmigrate's key map). The rows go into a copy of the destination table with its primary key, indexes and
 * a generated identifier, but no foreign keys ({@link CopyTables.Variant#IDENTITY}); the other references are
 * written unmapped. Timed from the first source read to the commit.
 */
final class PerRowRecipe {

    static final String KEYMAP = "bench_keymap";
    static final String COPY = "bench_rowcopy";
    static final String METHOD = "per row: SELECT dst_id FROM bench_keymap WHERE src_id = ? (a real table in the destination"
            + " holding the data phase's pairs of the referenced entity), then INSERT … with getGeneratedKeys into a copy of"
            + " the destination table (primary key, indexes, generated id; no foreign keys); autocommit off, one commit at"
            + " the end; source read in id order on its own connection; timed from the first read to the commit";

    private PerRowRecipe() {
    }

    /** The table the recipe runs on and the reference it looks up. */
    record Choice(TableCopy table, int referenceIndex, PlannedEntity target) {
    }

    /** The largest moved table with a reference to a moved (else looked-up) entity of the plan. */
    static Choice choose(Plan plan, List<TableCopy> tables) {
        List<TableCopy> bySize = new ArrayList<>(tables);
        bySize.sort(Comparator.comparingLong((TableCopy t) -> t.entity().sourceRows()).reversed());
        for (Mode wanted : new Mode[] {Mode.MOVE, Mode.LOOKUP}) {
            for (TableCopy t : bySize) {
                for (int i = 1; i < t.columns().size(); i++) {
                    TableCopy.Column c = t.columns().get(i);
                    if (c.role() != ColumnRole.REFERENCE || c.source() == null) {
                        continue;
                    }
                    Optional<PlannedEntity> target = t.entity().column(c.attribute())
                            .flatMap(p -> p.target() == null ? Optional.empty() : plan.entity(p.target().qualifiedName()));
                    if (target.isPresent() && target.get().mode() == wanted) {
                        return new Choice(t, i, target.get());
                    }
                }
            }
        }
        throw new IllegalStateException("no moved entity of the plan references another moved or looked-up entity,"
                + " so the per-row recipe has no key lookup to make");
    }

    static BenchResult.PerRow run(BenchDatabases dbs, Plan plan, List<TableCopy> tables, KeyMap keyMap, int sample,
                                  int fetchSize) throws SQLException {
        Choice choice = choose(plan, tables);
        TableCopy t = choice.table();
        TableCopy.Column reference = t.columns().get(choice.referenceIndex());
        MapKind kind = choice.target().mode() == Mode.LOOKUP ? MapKind.LOOKUP : MapKind.MOVED;
        int scope = keyMap.scope(plan.source(), plan.destination(), choice.target().entity(), kind);
        try (Connection src = dbs.source(); Connection dst = dbs.destination()) {
            long pairs = fillKeyMap(src, dst, dbs.engine(), choice.target(), keyMap, scope, fetchSize);
            CopyTables.create(dst, dbs.engine(), t, COPY, CopyTables.Variant.IDENTITY);
            return timed(src, dst, dbs.engine(), t, choice, reference, pairs, sample, fetchSize);
        }
    }

    private static BenchResult.PerRow timed(Connection src, Connection dst, BenchEngine engine, TableCopy t, Choice choice,
                                            TableCopy.Column reference, long pairs, int sample, int fetchSize)
            throws SQLException {
        List<TableCopy.Column> columns = t.columns();
        StringBuilder values = new StringBuilder();
        for (int i = 1; i < columns.size(); i++) {
            values.append(i > 1 ? ", " : "").append(columns.get(i).source() == null ? columns.get(i).fillLiteral() : "?");
        }
        String insert = "INSERT INTO " + COPY + " (" + t.destinationColumns(false) + ") VALUES (" + values + ")";
        String select = t.select() + " ORDER BY " + t.quoteSource(t.identifier().source().name()) + " FETCH FIRST " + sample
                + " ROWS ONLY";
        Map<Object, Long> newIds = new HashMap<>();
        long rows = 0;
        long found = 0;
        src.setAutoCommit(false); // a PostgreSQL cursor, so the sample streams
        dst.setAutoCommit(false);
        long start = System.nanoTime();
        try (Statement read = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement lookup = dst.prepareStatement("SELECT dst_id FROM " + KEYMAP + " WHERE src_id = ?");
             PreparedStatement ins = dst.prepareStatement(insert, new String[] {t.identifier().destination().name()})) {
            read.setFetchSize(Math.min(fetchSize, sample));
            try (ResultSet rs = read.executeQuery(select)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    int p = 0;
                    for (int i = 1; i < columns.size(); i++) {
                        if (columns.get(i).source() == null) {
                            continue;
                        }
                        p++;
                        Object v = rs.getObject(i + 1);
                        if (i == choice.referenceIndex() && v != null) {
                            lookup.setLong(1, ((Number) v).longValue());
                            v = null;
                            try (ResultSet k = lookup.executeQuery()) {
                                if (k.next()) {
                                    v = k.getLong(1);
                                    found++;
                                }
                            }
                        }
                        if (v == null) {
                            ins.setNull(p, meta.getColumnType(i + 1));
                        } else {
                            ins.setObject(p, v);
                        }
                    }
                    ins.executeUpdate();
                    try (ResultSet keys = ins.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("the INSERT into " + COPY + " returned no generated key");
                        }
                        newIds.put(rs.getObject(1), keys.getLong(1));
                    }
                    rows++;
                }
            }
            dst.commit();
        } catch (SQLException | RuntimeException e) {
            dst.rollback();
            throw e;
        } finally {
            src.rollback();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (newIds.size() != rows) {
            throw new IllegalStateException("the per-row recipe inserted " + rows + " rows but captured " + newIds.size() + " keys");
        }
        return new BenchResult.PerRow(t.name(), t.sourceTable(), COPY, t.name() + "." + reference.attribute() + " → "
                + choice.target().entity().qualifiedName(), choice.target().entity().qualifiedName(), pairs, rows, found,
                seconds, Benchmark.rate(rows, seconds), METHOD);
    }

    /** bench_keymap with every pair osmigrate's key map holds for the target entity, read by chunks of source ids. */
    private static long fillKeyMap(Connection src, Connection dst, BenchEngine engine, PlannedEntity target, KeyMap keyMap,
                                   int scope, int fetchSize) throws SQLException {
        try (Statement s = dst.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + KEYMAP);
            s.execute("CREATE TABLE " + KEYMAP + " (src_id BIGINT PRIMARY KEY, dst_id BIGINT NOT NULL)");
        }
        String id = TableCopy.quote(engine, target.identifier().sourceColumn());
        boolean srcAuto = src.getAutoCommit();
        boolean dstAuto = dst.getAutoCommit();
        src.setAutoCommit(false);
        dst.setAutoCommit(false);
        long pairs = 0;
        try (Statement read = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement ins = dst.prepareStatement("INSERT INTO " + KEYMAP + " (src_id, dst_id) VALUES (?, ?)")) {
            read.setFetchSize(fetchSize);
            try (ResultSet rs = read.executeQuery("SELECT " + id + " FROM " + TableCopy.quote(engine, target.sourceTable())
                    + " ORDER BY " + id)) {
                List<Object> chunk = new ArrayList<>();
                boolean more = true;
                while (more) {
                    more = rs.next();
                    if (more) {
                        chunk.add(rs.getLong(1));
                    }
                    if (chunk.size() == 10_000 || (!more && !chunk.isEmpty())) {
                        for (Map.Entry<Object, Object> pair : keyMap.lookup(scope, chunk).entrySet()) {
                            ins.setLong(1, ((Number) pair.getKey()).longValue());
                            ins.setLong(2, ((Number) pair.getValue()).longValue());
                            ins.addBatch();
                            pairs++;
                        }
                        ins.executeBatch();
                        chunk.clear();
                    }
                }
            }
            dst.commit();
        } finally {
            src.rollback();
            src.setAutoCommit(srcAuto);
            dst.setAutoCommit(dstAuto);
        }
        if (engine == BenchEngine.POSTGRESQL) {
            try (Statement s = dst.createStatement()) {
                s.execute("ANALYZE " + KEYMAP);
            }
        }
        return pairs;
    }
}

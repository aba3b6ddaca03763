package io.osmigrate.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * The guide's per-row recipe, as the guide describes it, on samples of two moved tables: the largest one that
 * references another entity of the plan, and the one with the most such references. For each source row, read in
 * identifier order: <b>every reference</b> to a moved or looked-up entity looked up in the FKs-Map table
 * ({@code SELECT dst_id FROM bench_fks_map WHERE entity = ? AND src_id = ?}), <b>the row inserted</b> with its
 * generated key read back ({@code getGeneratedKeys()}), and <b>the pair inserted</b> into the FKs-Map. One
 * destination connection, autocommit off, one commit per sample.
 *
 * <p>{@code bench_fks_map(entity, src_id, dst_id)} is a real table in the destination database, filled before the
 * clock starts with the pairs the data phase recorded for every referenced entity (read from osmigrate's key map).
 * The rows go into a copy of the destination table with its primary key, indexes and a generated identifier but
 * no foreign keys ({@link CopyTables.Variant#IDENTITY}), since static, user and tenant references are written as
 * the source has them: the recipe is spared those lookups and the foreign-key checks, which flatters it.
 */
final class PerRowRecipe {

    static final String FKS_MAP = "bench_fks_map";
    static final String METHOD = "per row: one SELECT in " + FKS_MAP + " (a real table in the destination holding the"
            + " data phase's pairs) per reference to a moved or looked-up entity, one INSERT with getGeneratedKeys into a"
            + " copy of the destination table (primary key, indexes, generated id; no foreign keys), one INSERT of the new"
            + " pair into " + FKS_MAP + "; autocommit off, one commit per sample; source read in id order on its own"
            + " connection";

    private PerRowRecipe() {
    }

    /** A sampled table and its references to entities of the plan: column index → referenced entity. */
    record Choice(TableCopy table, Map<Integer, PlannedEntity> references) {
    }

    /**
     * The largest moved table with a reference to a moved or looked-up entity, then the one with the most such
     * references (the next largest when that is the same table).
     */
    static List<Choice> choose(Plan plan, List<TableCopy> tables) {
        List<Choice> candidates = new ArrayList<>();
        for (TableCopy t : tables) {
            Map<Integer, PlannedEntity> refs = references(plan, t);
            if (!refs.isEmpty()) {
                candidates.add(new Choice(t, refs));
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no moved entity of the plan references another moved or looked-up entity,"
                    + " so the per-row recipe has no key lookup to make");
        }
        Comparator<Choice> bySize = Comparator.comparingLong(c -> c.table().entity().sourceRows());
        Choice largest = candidates.stream().max(bySize).orElseThrow();
        Optional<Choice> most = candidates.stream().filter(c -> c != largest)
                .max(Comparator.comparingInt((Choice c) -> c.references().size()).thenComparing(bySize));
        return most.map(m -> List.of(largest, m)).orElse(List.of(largest));
    }

    private static Map<Integer, PlannedEntity> references(Plan plan, TableCopy t) {
        Map<Integer, PlannedEntity> refs = new LinkedHashMap<>();
        for (int i = 1; i < t.columns().size(); i++) {
            TableCopy.Column c = t.columns().get(i);
            if (c.role() != ColumnRole.REFERENCE || c.source() == null) {
                continue;
            }
            int index = i;
            t.entity().column(c.attribute())
                    .flatMap(p -> p.target() == null ? Optional.empty() : plan.entity(p.target().qualifiedName()))
                    .filter(target -> target.mode() == Mode.MOVE || target.mode() == Mode.LOOKUP)
                    .ifPresent(target -> refs.put(index, target));
        }
        return refs;
    }

    static List<BenchResult.PerRow> run(BenchDatabases dbs, Plan plan, List<TableCopy> tables, KeyMap keyMap, int sample,
                                        int fetchSize) throws SQLException {
        List<Choice> choices = choose(plan, tables);
        List<BenchResult.PerRow> results = new ArrayList<>();
        try (Connection src = dbs.source(); Connection dst = dbs.destination()) {
            Map<String, PlannedEntity> referenced = new LinkedHashMap<>();
            choices.forEach(c -> c.references().values().forEach(e -> referenced.put(e.entity().qualifiedName(), e)));
            long pairs = fillFksMap(src, dst, dbs.engine(), plan, referenced.values(), keyMap, fetchSize);
            for (Choice choice : choices) {
                String copy = "bench_rowcopy_" + choice.table().entity().order();
                CopyTables.create(dst, dbs.engine(), choice.table(), copy, CopyTables.Variant.IDENTITY);
                results.add(timed(src, dst, choice, copy, pairs, sample, fetchSize));
            }
        }
        return results;
    }

    private static BenchResult.PerRow timed(Connection src, Connection dst, Choice choice, String copy, long pairs, int sample,
                                            int fetchSize) throws SQLException {
        TableCopy t = choice.table();
        List<TableCopy.Column> columns = t.columns();
        StringBuilder values = new StringBuilder();
        for (int i = 1; i < columns.size(); i++) {
            values.append(i > 1 ? ", " : "").append(columns.get(i).source() == null ? columns.get(i).fillLiteral() : "?");
        }
        String insert = "INSERT INTO " + copy + " (" + t.destinationColumns(false) + ") VALUES (" + values + ")";
        String select = t.select() + " ORDER BY " + t.quoteSource(t.identifier().source().name()) + " FETCH FIRST " + sample
                + " ROWS ONLY";
        String self = "recipe " + t.name(); // the sampled table's own pairs, apart from the data phase's
        long rows = 0;
        long found = 0;
        long lookups = 0;
        src.setAutoCommit(false); // a PostgreSQL cursor, so the sample streams
        dst.setAutoCommit(false);
        long start = System.nanoTime();
        try (Statement read = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
             PreparedStatement lookup = dst.prepareStatement("SELECT dst_id FROM " + FKS_MAP + " WHERE entity = ? AND src_id = ?");
             PreparedStatement ins = dst.prepareStatement(insert, new String[] {t.identifier().destination().name()});
             PreparedStatement pair = dst.prepareStatement("INSERT INTO " + FKS_MAP + " (entity, src_id, dst_id) VALUES (?, ?, ?)")) {
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
                        PlannedEntity target = choice.references().get(i);
                        if (target != null && v != null) {
                            lookup.setString(1, target.entity().qualifiedName());
                            lookup.setLong(2, ((Number) v).longValue());
                            lookups++;
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
                            throw new SQLException("the INSERT into " + copy + " returned no generated key");
                        }
                        pair.setString(1, self);
                        pair.setLong(2, rs.getLong(1));
                        pair.setLong(3, keys.getLong(1));
                    }
                    pair.executeUpdate();
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
        List<String> refs = choice.references().entrySet().stream()
                .map(e -> columns.get(e.getKey()).attribute() + " → " + e.getValue().entity().qualifiedName()).toList();
        return new BenchResult.PerRow(t.name(), t.sourceTable(), copy, refs, pairs, rows, lookups, found, seconds,
                Benchmark.rate(rows, seconds), METHOD);
    }

    /** bench_fks_map with every pair osmigrate's key map holds for the referenced entities, read by chunks of source ids. */
    private static long fillFksMap(Connection src, Connection dst, BenchEngine engine, Plan plan,
                                   Iterable<PlannedEntity> targets, KeyMap keyMap, int fetchSize) throws SQLException {
        try (Statement s = dst.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + FKS_MAP);
            s.execute("CREATE TABLE " + FKS_MAP + " (entity VARCHAR(200) NOT NULL, src_id BIGINT NOT NULL, dst_id BIGINT NOT NULL,"
                    + " PRIMARY KEY (entity, src_id))");
        }
        boolean srcAuto = src.getAutoCommit();
        boolean dstAuto = dst.getAutoCommit();
        src.setAutoCommit(false);
        dst.setAutoCommit(false);
        long pairs = 0;
        try (PreparedStatement ins = dst.prepareStatement("INSERT INTO " + FKS_MAP + " (entity, src_id, dst_id) VALUES (?, ?, ?)")) {
            for (PlannedEntity target : targets) {
                MapKind kind = target.mode() == Mode.LOOKUP ? MapKind.LOOKUP : MapKind.MOVED;
                int scope = keyMap.scope(plan.source(), plan.destination(), target.entity(), kind);
                pairs += fill(src, ins, engine, target, keyMap, scope, fetchSize);
            }
            dst.commit();
        } finally {
            src.rollback();
            src.setAutoCommit(srcAuto);
            dst.setAutoCommit(dstAuto);
        }
        if (engine == BenchEngine.POSTGRESQL) {
            try (Statement s = dst.createStatement()) {
                s.execute("ANALYZE " + FKS_MAP);
            }
        }
        return pairs;
    }

    private static long fill(Connection src, PreparedStatement ins, BenchEngine engine, PlannedEntity target, KeyMap keyMap,
                             int scope, int fetchSize) throws SQLException {
        String id = TableCopy.quote(engine, target.identifier().sourceColumn());
        long pairs = 0;
        try (Statement read = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
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
                            ins.setString(1, target.entity().qualifiedName());
                            ins.setLong(2, ((Number) pair.getKey()).longValue());
                            ins.setLong(3, ((Number) pair.getValue()).longValue());
                            ins.addBatch();
                            pairs++;
                        }
                        ins.executeBatch();
                        chunk.clear();
                    }
                }
            }
        }
        return pairs;
    }
}

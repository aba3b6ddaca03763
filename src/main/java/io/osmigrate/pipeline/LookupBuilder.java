package io.osmigrate.pipeline;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.MatchColumn;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.PairBlock;

/**
 * Resolves a lookup entity: source rows are matched to existing destination rows by the spec's
 * match attributes (text compared case-insensitively, as under SQL Server's CI collation; reference
 * attributes compared after mapping), and the pairs go into the entity's lookup scope of the key
 * map, rebuilt by every run because the destination changes. Nothing is written to the destination.
 * The destination's match keys are held in memory: lookups are reference data.
 */
final class LookupBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(LookupBuilder.class);

    private LookupBuilder() {
    }

    static EntityStats build(RunContext run, PlannedEntity entity) throws SQLException {
        EntityStats stats = new EntityStats(entity.entity().qualifiedName(), "lookup");
        int scope = run.scopeOf(entity.entity());
        KeyMap keyMap = run.state().keyMap();
        keyMap.forget(scope);
        List<MatchColumn> match = entity.match();
        Map<List<Object>, Object> destination = destinationKeys(run, entity);
        PhysicalCatalog src = run.source().catalog();
        ColumnInfo srcId = src.column(entity.sourceTable(), entity.identifier().sourceColumn()).orElseThrow();
        TableRead read = new TableRead(entity.sourceTable(), srcId.name(), ValueKind.of(srcId.jdbcType()),
                match.stream().map(MatchColumn::sourceColumn).toList(),
                match.stream().map(m -> ValueKind.of(src.column(entity.sourceTable(), m.sourceColumn()).orElseThrow().jdbcType())).toList());
        List<Integer> scopes = match.stream().map(m -> m.role() == ColumnRole.REFERENCE ? run.scopeOf(m.target()) : null).toList();
        try (RowStream rows = RowStream.open(run.source().dataSource(), run.source().dialect(), read, run.settings().fetchSize())) {
            List<SourceRow> batch = new ArrayList<>();
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() >= entity.batchSize()) {
                    resolve(run, scope, scopes, batch, destination, stats);
                }
            }
            resolve(run, scope, scopes, batch, destination, stats);
        }
        long unmatched = stats.read() - stats.matched.get();
        if (unmatched > 0) {
            LOG.warn("{}: {} of {} source rows have no destination row with the same {}; references to them follow"
                    + " unresolvedReference", entity.entity().qualifiedName(), unmatched, stats.read(),
                    match.stream().map(MatchColumn::attribute).collect(Collectors.joining(", ")));
        }
        return stats;
    }

    private static void resolve(RunContext run, int scope, List<Integer> scopes, List<SourceRow> batch,
                                Map<List<Object>, Object> destination, EntityStats stats) {
        if (batch.isEmpty()) {
            return;
        }
        KeyMap keyMap = run.state().keyMap();
        List<Map<Object, Object>> mapped = new ArrayList<>();
        for (int col = 0; col < scopes.size(); col++) {
            int column = col;
            List<Object> wanted = batch.stream().map(r -> ValueKind.id(r.values()[column])).filter(v -> v != null).toList();
            mapped.add(scopes.get(col) == null || wanted.isEmpty() ? Map.of() : keyMap.lookup(scopes.get(col), wanted));
        }
        List<PairBlock.Pair> pairs = new ArrayList<>();
        for (SourceRow row : batch) {
            stats.read.incrementAndGet();
            Object[] key = new Object[scopes.size()];
            for (int col = 0; col < key.length; col++) {
                Object v = row.values()[col];
                key[col] = scopes.get(col) == null ? normal(v) : v == null ? null : normal(mapped.get(col).get(ValueKind.id(v)));
            }
            Object id = destination.get(Arrays.asList(key));
            if (id != null) {
                pairs.add(new PairBlock.Pair(row.id(), id, PairBlock.Kind.LOOKUP));
            }
        }
        if (!pairs.isEmpty()) {
            PairBlock block = PairBlock.of(pairs);
            keyMap.store(scope, run.runId(), block);
            stats.matched.addAndGet(block.size());
        }
        batch.clear();
    }

    private static Map<List<Object>, Object> destinationKeys(RunContext run, PlannedEntity entity) throws SQLException {
        Dialect d = run.destination().dialect();
        PhysicalCatalog dst = run.destination().catalog();
        List<MatchColumn> match = entity.match();
        List<ValueKind> kinds = match.stream()
                .map(m -> ValueKind.of(dst.column(entity.destinationTable(), m.destinationColumn()).orElseThrow().jdbcType())).toList();
        ValueKind idKind = ValueKind.of(dst.column(entity.destinationTable(), entity.identifier().destinationColumn())
                .orElseThrow().jdbcType());
        String sql = "SELECT " + d.quote(entity.identifier().destinationColumn()) + ", "
                + match.stream().map(m -> d.quote(m.destinationColumn())).collect(Collectors.joining(", "))
                + " FROM " + d.quote(entity.destinationTable());
        Map<List<Object>, Object> keys = new HashMap<>();
        int duplicates = 0;
        try (Connection c = run.destination().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] key = new Object[match.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = normal(kinds.get(i).read(rs, i + 2));
                }
                if (keys.putIfAbsent(Arrays.asList(key), ValueKind.id(idKind.read(rs, 1))) != null) {
                    duplicates++;
                }
            }
        }
        if (duplicates > 0) {
            LOG.warn("{}: {} destination rows share their match key with another; the first one read is used",
                    entity.entity().qualifiedName(), duplicates);
        }
        return keys;
    }

    /** Text case-insensitively and without trailing blanks; numbers by value. */
    private static Object normal(Object v) {
        if (v instanceof String s) {
            return s.stripTrailing().toLowerCase(Locale.ROOT);
        }
        if (v instanceof BigDecimal b) {
            return b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }
}

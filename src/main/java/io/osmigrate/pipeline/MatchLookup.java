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

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.MatchColumn;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.PairBlock;

/**
 * The sink of a lookup table: each source row is matched to the existing destination row with the same
 * match attributes (text compared case-insensitively and without trailing blanks, as under SQL Server's
 * CI collation; references compared after mapping) and the pairs go into the table's lookup scope of the
 * key map. Nothing is written to the destination. The destination's match keys are read once per table
 * and held in memory: lookups are reference data.
 */
final class MatchLookup {

    private static final Logger LOG = LoggerFactory.getLogger(MatchLookup.class);

    /** The destination's rows by match key. */
    record DestinationKeys(Map<List<Object>, Object> ids) {
    }

    private MatchLookup() {
    }

    @SuppressWarnings("unchecked")
    static void process(Exchange exchange) {
        TableRun table = exchange.getProperty(PipelineHeaders.TABLE, TableRun.class);
        match(table, exchange.getIn().getBody(List.class));
        exchange.getIn().setBody(null);
    }

    static void match(TableRun table, List<PendingRow> rows) {
        TablePlan plan = table.plan();
        DestinationKeys destination = table.shared(DestinationKeys.class, () -> load(table));
        KeyMap keyMap = table.run().state().keyMap();
        List<Map<Object, Object>> mapped = new ArrayList<>();
        for (int col = 0; col < plan.slots().size(); col++) {
            int c = col;
            if (plan.slots().get(col).source() instanceof SlotSource.KeyMapped k) {
                List<Object> wanted = rows.stream().map(r -> r.values[c]).filter(v -> v != null).toList();
                mapped.add(wanted.isEmpty() ? Map.of() : keyMap.lookup(k.scope(), wanted));
            } else {
                mapped.add(null);
            }
        }
        List<PairBlock.Pair> pairs = new ArrayList<>();
        for (PendingRow row : rows) {
            Object[] key = new Object[plan.slots().size()];
            for (int col = 0; col < key.length; col++) {
                Object v = row.values[col];
                key[col] = mapped.get(col) == null ? normal(v) : v == null ? null : normal(mapped.get(col).get(v));
            }
            Object id = destination.ids().get(Arrays.asList(key));
            if (id != null) {
                pairs.add(new PairBlock.Pair(row.source.id(), id, PairBlock.Kind.LOOKUP));
            }
        }
        if (!pairs.isEmpty()) {
            PairBlock block = PairBlock.of(pairs);
            keyMap.store(plan.scope(), table.run().runId(), block);
            table.stats().addMatched(block.size());
        }
    }

    private static DestinationKeys load(TableRun table) {
        TablePlan plan = table.plan();
        Dialect d = table.run().destination().dialect();
        List<MatchColumn> match = plan.match();
        String sql = "SELECT " + d.quote(plan.target().idColumn().name()) + ", "
                + match.stream().map(m -> d.quote(m.destinationColumn())).collect(Collectors.joining(", "))
                + " FROM " + d.quote(plan.target().table());
        Map<List<Object>, Object> keys = new HashMap<>();
        int duplicates = 0;
        ValueKind idKind = ValueKind.of(plan.target().idColumn().jdbcType());
        try (Connection c = table.run().destination().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] key = new Object[match.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = normal(plan.target().kind(i).read(rs, i + 2));
                }
                if (keys.putIfAbsent(Arrays.asList(key), ValueKind.id(idKind.read(rs, 1))) != null) {
                    duplicates++;
                }
            }
        } catch (SQLException e) {
            throw table.run().destination().failure("cannot read the match keys of " + plan.target().table(), e,
                    "A lookup reads the destination's rows; nothing was changed");
        }
        if (duplicates > 0) {
            LOG.warn("{}: {} destination rows share their match key with another; the first one read is used", plan.name(),
                    duplicates);
        }
        return new DestinationKeys(keys);
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

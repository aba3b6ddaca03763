package io.osmigrate.app;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.env.Environment;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.Finding;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;

/**
 * The unique-key conflicts a run will meet, predicted by reading only: for each moved entity whose destination
 * table has a unique index (other than its identifier's) over attributes copied as they are, the source rows without
 * a pair whose key the destination already holds, and what the entity's {@code onConflict} will do with them. An
 * index that includes a reference is not predicted: its source values only mean something once remapped.
 *
 * <p>The destination's keys are held as 64-bit hashes in a sorted array (8 bytes a row), the source's streamed
 * against it; values are compared as they are stored (numbers by value), so a case-insensitive collation on the
 * destination may reject a few more rows than predicted.
 */
public final class PredictedConflicts {

    public static final String CODE = "predicted-conflicts";
    private static final int CHUNK = 10_000;
    /** The hash that stands for a key with an empty value; a real key that hashes to it is moved to 1. */
    private static final long NULL_KEY = 0;

    private PredictedConflicts() {
    }

    /**
     * @param keyMap the state store's key map, to leave out rows an earlier run moved; null when there is no state
     *               store yet (nothing is paired)
     */
    public static List<Finding> findings(Plan plan, Environment source, Environment destination, KeyMap keyMap) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedEntity e : plan.moved()) {
            if (e.sourceRows() == 0 || e.destinationRows() == 0) {
                continue;
            }
            for (List<String> index : destination.catalog().uniqueIndexes(e.destinationTable())) {
                Optional<List<ColumnPlan>> columns = copiedColumns(e, index);
                if (columns.isEmpty()) {
                    continue;
                }
                long conflicts = count(plan, e, columns.get(), source, destination, keyMap);
                if (conflicts > 0) {
                    findings.add(finding(e, columns.get(), conflicts));
                }
            }
        }
        return findings;
    }

    /** The index's columns as attributes copied as they are; empty when one is the identifier, a reference or a fill. */
    private static Optional<List<ColumnPlan>> copiedColumns(PlannedEntity e, List<String> index) {
        List<ColumnPlan> columns = new ArrayList<>();
        for (String column : index) {
            Optional<ColumnPlan> c = e.columns().stream()
                    .filter(p -> column.equalsIgnoreCase(p.destinationColumn()) && p.role() == ColumnRole.VALUE
                            && p.sourceColumn() != null).findFirst();
            if (c.isEmpty()) {
                return Optional.empty();
            }
            columns.add(c.get());
        }
        return Optional.of(columns);
    }

    private static long count(Plan plan, PlannedEntity e, List<ColumnPlan> columns, Environment source,
                              Environment destination, KeyMap keyMap) {
        long[] held = destinationKeys(e, columns, destination);
        boolean paired = keyMap != null && keyMap.movedPairs(plan.source(), plan.destination(), e.entity()) > 0;
        Integer scope = paired ? keyMap.scope(plan.source(), plan.destination(), e.entity(), MapKind.MOVED) : null;
        String sql = "SELECT " + source.dialect().quote(e.identifier().sourceColumn()) + ", "
                + String.join(", ", columns.stream().map(c -> source.dialect().quote(c.sourceColumn())).toList())
                + " FROM " + source.dialect().quote(e.sourceTable());
        long conflicts = 0;
        try (Connection c = source.dataSource().getConnection()) {
            source.dialect().prepareStreamingRead(c);
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(CHUNK);
                try (ResultSet rs = s.executeQuery(sql)) {
                    List<Object> hits = new ArrayList<>();
                    boolean more = true;
                    while (more) {
                        more = rs.next();
                        if (more) {
                            long key = key(rs, 2, columns.size());
                            if (key != NULL_KEY && Arrays.binarySearch(held, key) >= 0) {
                                hits.add(rs.getObject(1));
                            }
                        }
                        if (hits.size() == CHUNK || !more && !hits.isEmpty()) {
                            Map<Object, Object> moved = scope == null ? Map.of() : keyMap.lookup(scope, hits);
                            conflicts += hits.stream().filter(id -> !moved.containsKey(id)).count();
                            hits.clear();
                        }
                    }
                }
            }
        } catch (SQLException ex) {
            throw source.failure("cannot read the unique keys of " + e.sourceTable(), ex, "Check that the user may read it");
        }
        return conflicts;
    }

    private static long[] destinationKeys(PlannedEntity e, List<ColumnPlan> columns, Environment destination) {
        String sql = "SELECT " + String.join(", ", columns.stream().map(c -> destination.dialect().quote(c.destinationColumn()))
                .toList()) + " FROM " + destination.dialect().quote(e.destinationTable());
        long[] keys = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, e.destinationRows()))];
        int n = 0;
        try (Connection c = destination.dataSource().getConnection()) {
            destination.dialect().prepareStreamingRead(c);
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(CHUNK);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        long key = key(rs, 1, columns.size());
                        if (key == NULL_KEY) {
                            continue; // unique indexes let empty keys repeat (PostgreSQL, and filtered ones)
                        }
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, keys.length * 2);
                        }
                        keys[n++] = key;
                    }
                }
            }
        } catch (SQLException ex) {
            throw destination.failure("cannot read the unique keys of " + e.destinationTable(), ex,
                    "Check that the user may read it");
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** FNV-1a over the key's values as text (numbers by value); {@link #NULL_KEY} when a value is empty. */
    private static long key(ResultSet rs, int from, int count) throws SQLException {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < count; i++) {
            Object v = rs.getObject(from + i);
            if (v == null) {
                return NULL_KEY;
            }
            String text = v instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                    : v.toString();
            for (byte b : (text + '\u0000').getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        }
        return h == NULL_KEY ? 1 : h;
    }

    private static Finding finding(PlannedEntity e, List<ColumnPlan> columns, long conflicts) {
        String key = String.join(", ", columns.stream().map(ColumnPlan::attribute).toList());
        ConflictPolicy policy = e.onConflict();
        String outcome = switch (policy) {
            case DEAD_LETTER -> "they will be dead-lettered (onConflict: dead-letter)";
            case FAIL -> "the run will stop at the first (onConflict: fail)";
            case MATCH_EXISTING -> "they will be matched with those rows, and nothing inserted for them"
                    + " (onConflict: match-existing)";
            case UPDATE_EXISTING -> "they will be matched with those rows, which are then updated with the source's values"
                    + " (onConflict: update-existing)";
        };
        String message = String.format(Locale.ROOT, "%,d source rows not moved yet have a %s the destination already holds"
                + " under a unique index; %s", conflicts, key, outcome);
        return policy.matches() ? Finding.info(CODE, e.entity().qualifiedName(), message)
                : Finding.warning(CODE, e.entity().qualifiedName(), message);
    }
}

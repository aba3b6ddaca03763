package io.osmigrate.phases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.pipeline.RunContext;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.plan.StaticPlan;
import io.osmigrate.spec.Mode;
import io.osmigrate.state.EntityFigures;

/**
 * Reconciliation after the data phase: per moved entity, source rows against rows with a pair in
 * the key map and against the destination table's rows (fewer rows than pairs means rows osmigrate
 * wrote are gone: deleted, or the destination restored); the table's growth during this run against
 * what this run inserted (minus what its clean deleted), so rows that no pair accounts for, whoever
 * wrote them, are reported by name; and the orphan check: every non-empty reference of the entity's
 * destination table must point at an existing row. Reads only.
 */
public final class VerifyPhase {

    /** References of one column that point nowhere in the destination. */
    public record Orphans(String attribute, String parent, long count) {
    }

    /**
     * The reconciliation of one moved entity.
     *
     * @param growth         how many rows the destination table gained during this run (negative: lost)
     * @param expectedGrowth rows this run inserted into it, minus rows its clean phase deleted from it
     */
    public record Check(String entity, long sourceRows, long mapped, long destinationRows, long growth, long expectedGrowth,
                        List<Orphans> orphans) {
        public long orphanCount() {
            return orphans.stream().mapToLong(Orphans::count).sum();
        }

        /** The table grew by more or less than this run wrote: rows no key-map pair of this run accounts for. */
        public boolean unaccounted() {
            return growth != expectedGrowth;
        }

        /** The key map pairs more rows than the destination table holds: rows osmigrate wrote are gone. */
        public boolean destinationLostRows() {
            return destinationRows < mapped;
        }
    }

    private VerifyPhase() {
    }

    /** Destination row counts of the moved entities, by qualified name: taken when a run starts, before any write. */
    public static Map<String, Long> destinationCounts(RunContext run) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        Dialect d = run.destination().dialect();
        try (Connection c = run.destination().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (PlannedEntity e : run.plan().moved()) {
                counts.put(e.entity().qualifiedName(), count(s, d, e.destinationTable()));
            }
        }
        return counts;
    }

    /**
     * @param countsAtStart {@link #destinationCounts} when the run started
     * @param figures       what the run's phases did so far (rows inserted, rows deleted by its clean)
     */
    public static List<Check> run(RunContext run, Map<String, Long> countsAtStart, List<EntityFigures> figures)
            throws SQLException {
        List<Check> checks = new ArrayList<>();
        Dialect d = run.destination().dialect();
        try (Connection c = run.destination().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (PlannedEntity e : run.plan().moved()) {
                List<Orphans> orphans = new ArrayList<>();
                for (ColumnPlan col : e.columns()) {
                    Optional<String[]> parent = parent(run, col);
                    if (parent.isEmpty()) {
                        continue;
                    }
                    // a user column's 0 means "no user" (BPT keeps it), a soft key's 0 or empty text "no reference"
                    String value = "c." + d.quote(col.destinationColumn());
                    boolean text = col.soft() && isText(run, e, col);
                    String none = col.role() == ColumnRole.USER_REFERENCE || col.soft() && !text ? " AND " + value + " <> 0"
                            : text ? " AND LTRIM(RTRIM(" + value + ")) NOT IN ('', '0')" : "";
                    String id = "p." + d.quote(parent.get()[1]);
                    String sql = "SELECT COUNT(*) FROM " + d.quote(e.destinationTable()) + " c WHERE " + value + " IS NOT NULL"
                            + none + " AND NOT EXISTS (SELECT 1 FROM " + d.quote(parent.get()[0]) + " p WHERE "
                            + (text ? "CAST(" + id + " AS VARCHAR(40)) = LTRIM(RTRIM(" + value + "))" : id + " = " + value) + ")";
                    try (ResultSet rs = s.executeQuery(sql)) {
                        rs.next();
                        long n = rs.getLong(1);
                        if (n > 0) {
                            orphans.add(new Orphans(col.attribute(), parent.get()[0], n));
                        }
                    }
                }
                String name = e.entity().qualifiedName();
                int scope = run.scopeOf(e.entity());
                long destinationRows = count(s, d, e.destinationTable());
                long expected = figures.stream().filter(f -> f.entity().equals(name))
                        .mapToLong(f -> f.inserted() - f.deleted()).sum();
                checks.add(new Check(name, count(run, e), run.state().keyMap().pairCount(scope), destinationRows,
                        destinationRows - countsAtStart.getOrDefault(name, destinationRows), expected, orphans));
            }
        }
        return checks;
    }

    /** Whether a soft key's destination column holds text (it is then compared with the ids as text). */
    private static boolean isText(RunContext run, PlannedEntity e, ColumnPlan col) {
        return run.destination().catalog().column(e.destinationTable(), col.destinationColumn())
                .map(c -> io.osmigrate.dialect.ValueKind.of(c.jdbcType()) == io.osmigrate.dialect.ValueKind.TEXT).orElse(false);
    }

    /** The destination table and identifier column a reference column must point into, if any. */
    private static Optional<String[]> parent(RunContext run, ColumnPlan col) {
        PhysicalCatalog dst = run.destination().catalog();
        return switch (col.role()) {
            case REFERENCE -> run.plan().entity(col.target().qualifiedName())
                    .filter(p -> p.mode() != Mode.SKIP)
                    .map(p -> new String[] {p.destinationTable(), p.identifier().destinationColumn()});
            case STATIC_REFERENCE -> run.plan().statics().stream()
                    .filter(st -> st.entity().equals(col.target())).findFirst()
                    .flatMap(st -> table(dst, st).map(t -> new String[] {t, column(dst, t, st.destinationIdColumn())}));
            case USER_REFERENCE -> dst.table("OSSYS_USER").map(t -> new String[] {t, column(dst, t, "ID")});
            case TENANT_ID, TENANT_REFERENCE -> dst.table("OSSYS_TENANT").map(t -> new String[] {t, column(dst, t, "ID")});
            case GROUP_REFERENCE -> dst.table("OSSYS_GROUP").map(t -> new String[] {t, column(dst, t, "ID")});
            case DEFINITION_REFERENCE -> dst.table(col.target().name()).map(t -> new String[] {t, column(dst, t, "ID")});
            default -> Optional.empty();
        };
    }

    private static Optional<String> table(PhysicalCatalog dst, StaticPlan st) {
        return dst.table(st.destinationTable());
    }

    private static String column(PhysicalCatalog catalog, String table, String column) {
        return catalog.column(table, column).map(c -> c.name()).orElse(column);
    }

    private static long count(Statement s, Dialect d, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + d.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(RunContext run, PlannedEntity e) throws SQLException {
        try (Connection c = run.source().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + run.source().dialect().quote(e.sourceTable())
                     + (e.sourceFilter() == null ? "" : " WHERE " + e.sourceFilter()))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package io.osmigrate.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.osmigrate.metamodel.OsType;
import io.osmigrate.spec.Mode;

/**
 * Warns about attributes that look like soft keys the spec does not declare ({@code possible-soft-key}): a plain
 * Integer or Long Integer attribute of a moved entity whose name ends in "Id" after the name of an entity in scope
 * (moved or looked up; {@code RelatedOrderId} → {@code Order}, the longest such name, of the attribute's own module
 * where two modules have one), and whose non-zero source values all, or nearly all (at least 99%), are identifiers
 * of that entity in the source. Such a value is copied as it is, so in the destination it names another row, or none.
 * Cheap: one read-only query per such attribute, over at most the first {@value #ROWS} rows of its entity by
 * identifier (a range of the primary key) joined to the candidate's primary key. Reads the source only.
 */
public final class PossibleSoftKeys {

    /** How many rows of an entity (by identifier, from the lowest) the values are taken from. */
    static final long ROWS = 100_000;
    /** The share of non-zero values that must match for a warning ("nearly all"). */
    static final double NEARLY_ALL = 0.99;

    private PossibleSoftKeys() {
    }

    public static List<Finding> findings(Plan plan, SubsetResolver.SourceScan scan) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedEntity e : plan.moved()) {
            if (plan.isBptTable(e.entity())) {
                continue;
            }
            for (ColumnPlan c : e.columns()) {
                if (c.role() != ColumnRole.VALUE || c.soft() || c.ssKey() == null || c.sourceColumn() == null
                        || !isWholeNumber(c.type()) || !c.attribute().toLowerCase(Locale.ROOT).endsWith("id")
                        || c.attribute().length() <= 2) {
                    continue;
                }
                candidate(plan, e, c).ifPresent(t -> check(scan, e, c, t).ifPresent(findings::add));
            }
        }
        return findings;
    }

    private static boolean isWholeNumber(String type) {
        OsType t = OsType.ofBasic(type);
        return t == OsType.INTEGER || t == OsType.LONG_INTEGER;
    }

    /** The entity in scope whose name the attribute's ends with before "Id": the longest; the own module's on a tie. */
    static Optional<PlannedEntity> candidate(Plan plan, PlannedEntity e, ColumnPlan c) {
        String base = c.attribute().substring(0, c.attribute().length() - 2).toLowerCase(Locale.ROOT);
        List<PlannedEntity> named = plan.entities().stream()
                .filter(p -> p.mode() != Mode.SKIP && p.identifier() != null && SoftKeyValues.numericIdentifier(p.identifier()))
                .filter(p -> base.endsWith(p.entity().name().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((PlannedEntity p) -> -p.entity().name().length())).toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        int longest = named.get(0).entity().name().length();
        List<PlannedEntity> best = named.stream().filter(p -> p.entity().name().length() == longest).toList();
        if (best.size() > 1) {
            best = best.stream().filter(p -> p.entity().module().equalsIgnoreCase(e.entity().module())).toList();
        }
        return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
    }

    private static Optional<Finding> check(SubsetResolver.SourceScan scan, PlannedEntity e, ColumnPlan c, PlannedEntity t) {
        String id = "c." + scan.quote(e.identifier().sourceColumn());
        String value = "c." + scan.quote(c.sourceColumn());
        boolean window = SoftKeyValues.numericIdentifier(e.identifier()) && e.sourceRows() > ROWS;
        List<Object> binds = new ArrayList<>();
        String range = "";
        if (window) {
            long[] min = {0};
            scan.query("SELECT MIN(" + scan.quote(e.identifier().sourceColumn()) + ") FROM " + scan.quote(e.sourceTable()),
                    List.of(), row -> min[0] = row[0] == null ? 0 : ((Number) row[0]).longValue());
            range = " AND " + id + " >= ? AND " + id + " < ?";
            binds.add(min[0]);
            binds.add(min[0] + ROWS);
        }
        long[] counts = new long[2];
        scan.query("SELECT COUNT(*), COUNT(p." + scan.quote(t.identifier().sourceColumn()) + ") FROM "
                + scan.quote(e.sourceTable()) + " c LEFT JOIN " + scan.quote(t.sourceTable()) + " p ON p."
                + scan.quote(t.identifier().sourceColumn()) + " = " + value + " WHERE " + value + " <> 0" + range, binds, row -> {
                    counts[0] = ((Number) row[0]).longValue();
                    counts[1] = ((Number) row[1]).longValue();
                });
        long values = counts[0];
        long matching = counts[1];
        if (values == 0 || matching < values * NEARLY_ALL) {
            return Optional.empty();
        }
        String attribute = e.entity().qualifiedName() + "." + c.attribute();
        String target = t.entity().qualifiedName();
        return Optional.of(Finding.warning("possible-soft-key", attribute, attribute + " looks like a soft key to " + target
                + ": it is a " + (OsType.ofBasic(c.type()) == OsType.INTEGER ? "Integer" : "Long Integer") + " whose " + values
                + " non-zero source values" + (window ? " (in the first " + ROWS + " rows)" : "")
                + (matching == values ? " all are" : " are, all but " + (values - matching) + " (at least 99%),") + " ids of "
                + target + ", yet it is copied as it is, so in the destination it names other rows or none. If it holds "
                + target + " ids, declare it under softKeys in the spec (" + attribute + ": " + target + ")"));
    }
}

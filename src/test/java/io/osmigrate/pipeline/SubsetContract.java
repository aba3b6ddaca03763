package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.plan.SubsetLine;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * Subsets, run on each engine: only the rows a subset keeps move, and no moved row references a source row that
 * was left out, checked row by row over every reference between moved entities (the Customer–Address cycle, the
 * Ticket self-reference and CustomerProfile's referencing identifier included); every moved row equals its source
 * row after mapping; the plan says why each row is kept.
 */
abstract class SubsetContract {

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    @Test
    void parentsOfKeptRowsAreKeptAcrossTheCycleAndTheSelfReference() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(300)).addMissingUsersToDestination()) {
            Plan base = f.plan();
            PlannedEntity ticket = base.entity("SupportCore.Ticket").orElseThrow();
            String parentColumn = ticket.column("ParentTicketId").orElseThrow().sourceColumn();
            List<Object> selected = ids(f, "SELECT " + q(ticket.identifier().sourceColumn()) + " FROM " + q(ticket.sourceTable())
                    + " WHERE " + q(parentColumn) + " IS NOT NULL ORDER BY 1").subList(0, 3);
            f.spec(spec(base, Map.of("SupportCore.Ticket", "where: \"Id IN (" + join(selected) + ")\"",
                    "OrdersCore.Order", "sample: 7")));

            Plan plan = f.plan();
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();

            assertThat(report.exitCode()).as(report.message()).isEqualTo(ExitCode.OK.code());
            assertThat(report.orphans()).isZero();
            assertThat(f.check(before).problems()).isEmpty();
            Map<String, Set<Object>> moved = moved(f, plan);
            assertThat(referencesToRowsLeftOut(f, plan, moved)).isEmpty();
            assertThat(moved.get("SupportCore.Ticket")).containsAll(selected)
                    .containsAll(column(f, ticket, parentColumn, Set.copyOf(selected)));
            assertThat(moved.get("OrdersCore.OrderLine")).isEmpty();
            assertThat(moved.get("SupportCore.TicketComment")).isEmpty();
            Set<Object> ordersOfTickets = column(f, ticket, ticket.column("OrderId").orElseThrow().sourceColumn(),
                    moved.get("SupportCore.Ticket"));
            Set<Object> sampled = new HashSet<>(moved.get("OrdersCore.Order"));
            sampled.removeAll(ordersOfTickets);
            assertThat(sampled).hasSizeLessThanOrEqualTo(7);
            assertThat(moved.get("OrdersCore.Order")).hasSizeGreaterThanOrEqualTo(7);
            assertThat(moved.get("OrdersCore.Customer")).isNotEmpty();
            assertThat(line(plan, "SupportCore.Ticket").why()).containsEntry("selected", 3L)
                    .containsKey("parent of SupportCore.Ticket");
            assertThat(line(plan, "OrdersCore.Order").why()).containsEntry("selected", 7L);
            assertThat(line(plan, "OrdersCore.Customer").why().keySet()).isNotEmpty()
                    .allMatch(k -> k.startsWith("parent of "));
            assertThat(line(plan, "OrdersCore.Address").kept()).isEqualTo(moved.get("OrdersCore.Address").size());
        }
    }

    @Test
    void followChildrenKeepsTheRowsThatReferenceAKeptRow() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(300)).addMissingUsersToDestination()) {
            Plan base = f.plan();
            PlannedEntity line = base.entity("OrdersCore.OrderLine").orElseThrow();
            List<Object> orders = ids(f, "SELECT DISTINCT " + q(line.column("OrderId").orElseThrow().sourceColumn()) + " FROM "
                    + q(line.sourceTable()) + " ORDER BY 1").subList(0, 2);
            f.spec(spec(base, Map.of("OrdersCore.Order", "where: \"Id IN (" + join(orders) + ")\"\n    follow: children")));

            Plan plan = f.plan();
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();

            assertThat(report.exitCode()).as(report.message()).isEqualTo(ExitCode.OK.code());
            assertThat(f.check(before).problems()).isEmpty();
            Map<String, Set<Object>> moved = moved(f, plan);
            assertThat(referencesToRowsLeftOut(f, plan, moved)).isEmpty();
            Set<Object> linesOfOrders = new HashSet<>(ids(f, "SELECT " + q(line.identifier().sourceColumn()) + " FROM "
                    + q(line.sourceTable()) + " WHERE " + q(line.column("OrderId").orElseThrow().sourceColumn()) + " IN ("
                    + join(orders) + ")"));
            assertThat(linesOfOrders).isNotEmpty();
            assertThat(moved.get("OrdersCore.OrderLine")).isEqualTo(linesOfOrders);
            assertThat(moved.get("OrdersCore.Order")).containsExactlyInAnyOrderElementsOf(orders);
            assertThat(line(plan, "OrdersCore.OrderLine").why()).isEqualTo(Map.of("child of OrdersCore.Order", (long) linesOfOrders.size()));
            assertThat(PlanPrinter.print(plan)).contains("Subset (", linesOfOrders.size() + " child of OrdersCore.Order",
                    "where Id IN (" + join(orders) + "); follow children");
            assertThat(moved.get("SupportCore.TicketComment")).isEmpty();
        }
    }

    /**
     * The base plan's moved entities, each keeping no row of its own ("FALSE") unless given a selection here; no BPT
     * instances.
     */
    private static String spec(Plan base, Map<String, String> selections) {
        StringBuilder s = new StringBuilder(MigrationFixture.BASE_SPEC);
        for (PlannedEntity e : base.moved()) {
            if (base.isBptTable(e.entity())) {
                continue;
            }
            String name = e.entity().qualifiedName();
            s.append("  ").append(name).append(":\n    ").append(selections.getOrDefault(name, "where: \"FALSE\"")).append('\n');
        }
        // a subset does not follow the ids in BPT value texts: those would reference rows left out
        return s.append("bpt:\n  instances: none\n").toString();
    }

    /**
     * Every reference of a moved row (deferred ones and referencing identifiers too) whose value is a source row of
     * another moved entity that did not move.
     */
    private static List<String> referencesToRowsLeftOut(MigrationFixture f, Plan plan, Map<String, Set<Object>> moved)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        for (PlannedEntity e : plan.moved()) {
            Map<String, String> references = new HashMap<>();
            e.columns().stream().filter(c -> c.role() == ColumnRole.REFERENCE && plan.moved().stream()
                    .anyMatch(m -> m.entity().equals(c.target()))).forEach(c -> references.put(c.sourceColumn(), c.target().qualifiedName()));
            if (e.identifier().kind() == IdentifierKind.REFERENCE) {
                references.put(e.identifier().sourceColumn(), e.identifier().target().qualifiedName());
            }
            for (Map.Entry<String, String> r : references.entrySet()) {
                PlannedEntity target = plan.entity(r.getValue()).orElseThrow();
                Set<Object> existing = new HashSet<>(ids(f, "SELECT " + q(target.identifier().sourceColumn()) + " FROM "
                        + q(target.sourceTable())));
                for (Object value : column(f, e, r.getKey(), moved.get(e.entity().qualifiedName()))) {
                    if (existing.contains(value) && !moved.get(r.getValue()).contains(value)) {
                        problems.add(e.entity().qualifiedName() + "." + r.getKey() + " references " + r.getValue() + " " + value
                                + ", which was left out");
                    }
                }
            }
        }
        return problems;
    }

    /** The source ids of each moved entity that have a pair in the key map. */
    private static Map<String, Set<Object>> moved(MigrationFixture f, Plan plan) {
        Map<String, Set<Object>> moved = new HashMap<>();
        try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
            for (PlannedEntity e : plan.moved()) {
                int scope = runtime.state().keyMap().scope("src", "dst", e.entity(), MapKind.MOVED);
                moved.put(e.entity().qualifiedName(), runtime.state().keyMap().allPairs(scope).stream()
                        .map(PairBlock.Pair::source).map(ValueKind::id).collect(Collectors.toSet()));
            }
        }
        return moved;
    }

    /** The non-null values of a column in the given source rows of an entity. */
    private static Set<Object> column(MigrationFixture f, PlannedEntity e, String column, Set<Object> rows) throws SQLException {
        Set<Object> values = new HashSet<>();
        try (Connection c = f.writableSource(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + q(e.identifier().sourceColumn()) + ", " + q(column) + " FROM "
                     + q(e.sourceTable()))) {
            while (rs.next()) {
                Object value = ValueKind.id(rs.getObject(2));
                if (value != null && rows.contains(ValueKind.id(rs.getObject(1)))) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static List<Object> ids(MigrationFixture f, String sql) throws SQLException {
        List<Object> ids = new ArrayList<>();
        try (Connection c = f.writableSource(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(ValueKind.id(rs.getObject(1)));
            }
        }
        return ids;
    }

    private static SubsetLine line(Plan plan, String entity) {
        return plan.shaping().subsets().stream().filter(l -> l.entity().qualifiedName().equals(entity)).findFirst().orElseThrow();
    }

    private static String q(String identifier) {
        return "\"" + identifier + "\""; // both engines take double quotes; the catalog's spelling is exact
    }

    private static String join(List<Object> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}

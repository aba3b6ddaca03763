package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.ExitCode;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;
import io.osmigrate.state.StateStore;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * What a soft key promises, run on each engine. The sample's SupportCore.Ticket.RelatedOrderId is an Integer holding an
 * order's id, 0 or NULL; its DuplicateOf a Text holding another ticket's id, "", "0" or NULL. Undeclared, the plan warns
 * that RelatedOrderId looks like a soft key (DuplicateOf's name does not end in Id) and both are copied as they are;
 * declared under {@code softKeys}, every value that names an order becomes the destination id of that order (checked
 * through the key map and, apart from it, through the orders' OrderNumber), DuplicateOf (a self-reference, so
 * deferred) the destination id of its ticket as text, the none values stay as they are, a value naming no order
 * follows unresolvedReference (a dead letter by default), and so does, in the deferred phase, a ticket naming that
 * dead-lettered ticket; the check oracle finds nothing.
 */
abstract class SoftKeyContract {

    static final String DECLARED = MigrationFixture.BASE_SPEC + "softKeys:\n  SupportCore.Ticket.RelatedOrderId: OrdersCore.Order\n"
            + "  SupportCore.Ticket.DuplicateOf: SupportCore.Ticket\n";
    static final long MISSING_ORDER = 987_654;

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    /**
     * One fixture for both (a run costs less than a sample): undeclared first, then declared and moved again from
     * a fresh start, which deletes the rows the first run moved.
     */
    @Test
    void undeclaredItIsCopiedWithAWarningDeclaredItIsRemappedKeepingItsNoneValues() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(200)).addMissingUsersToDestination()) {
            Plan plan = f.plan();
            assertThat(plan.findings()).filteredOn(x -> x.code().equals("possible-soft-key")).singleElement().satisfies(x -> {
                assertThat(x.subject()).isEqualTo("SupportCore.Ticket.RelatedOrderId");
                assertThat(x.message()).contains("OrdersCore.Order", "all are ids", "softKeys");
            });
            assertThat(plan.softKeys()).isEmpty();
            Map<String, Long> before = f.destinationCounts();
            RunReport copied = f.run();
            assertThat(copied.exitCode()).as(copied.message()).isEqualTo(ExitCode.OK.code());
            Tickets t = tickets(f, plan);
            assertThat(t.source.values()).contains(0L, null).anyMatch(v -> v != null && v > 0);
            assertThat(t.pairs).hasSize(t.source.size());
            t.pairs.forEach((s, d) -> assertThat(t.destination.get(d)).as("ticket %s, undeclared", s).isEqualTo(t.source.get(s)));
            assertThat(t.sourceTexts.values()).contains("", "0", null).anyMatch(v -> v != null && v.matches("[1-9]\\d*"));
            t.pairs.forEach((s, d) -> assertThat(t.destinationTexts.get(d)).as("ticket %s, undeclared", s)
                    .isEqualTo(t.sourceTexts.get(s)));
            assertThat(f.check(before).problems()).isEmpty();

            declared(f, before);
        }
    }

    private void declared(MigrationFixture f, Map<String, Long> before) throws Exception {
        f.spec(DECLARED);
        Plan plan = f.plan();
        PlannedEntity ticketPlan = plan.entity("SupportCore.Ticket").orElseThrow();
        long dangling;
        try (Connection src = f.writableSource(); Statement s = src.createStatement()) {
            dangling = firstTicket(s, ticketPlan, "<> 0");
            assertThat(s.executeUpdate("UPDATE " + ticketPlan.sourceTable() + " SET " + column(ticketPlan) + " = "
                    + MISSING_ORDER + " WHERE " + ticketPlan.identifier().sourceColumn() + " = " + dangling)).isEqualTo(1);
        }
        assertThat(plan.findings()).noneMatch(x -> x.code().equals("possible-soft-key"));
        assertThat(plan.softKeys()).extracting(k -> k.entity() + "." + k.attribute() + " → " + k.target() + " "
                + k.type() + (k.deferred() ? " deferred" : "")).containsExactlyInAnyOrder(
                "SupportCore.Ticket.RelatedOrderId → OrdersCore.Order Integer",
                "SupportCore.Ticket.DuplicateOf → SupportCore.Ticket Text deferred");
        assertThat(PlanPrinter.print(plan)).contains("Soft keys", "SupportCore.Ticket.RelatedOrderId → OrdersCore.Order");
        assertThat(PlanJson.toJson(plan)).contains("\"softKeys\"", "\"soft\" : true");
        PlannedEntity order = plan.entity("OrdersCore.Order").orElseThrow();
        assertThat(plan.moved().indexOf(order)).as("orders load before the tickets that name them")
                .isLessThan(plan.moved().indexOf(ticketPlan));

        RunReport report = f.run(new RunOptions(List.of(), true));
        assertThat(report.exitCode()).as(report.message()).isEqualTo(ExitCode.DEAD_LETTERS.code());
        assertThat(report.orphans()).as("verify counts no none value (0, \"\", \"0\") as an orphan").isZero();
        assertThat(report.reconciliation()).filteredOn(c -> c.entity().equals("SupportCore.Ticket")).singleElement()
                .satisfies(c -> {
                    assertThat(c.compared()).isPositive();
                    assertThat(c.differing()).as("soft keys, none values included, reconcile by value").isZero();
                });

        Tickets t = tickets(f, plan);
        Map<Object, Object> orders = pairs(f, plan, "OrdersCore.Order");
        String number = order.column("OrderNumber").orElseThrow().sourceColumn();
        Map<Long, String> sourceNumbers = orderNumbers(f.writableSource(), "SELECT " + order.identifier().sourceColumn()
                + ", " + number + " FROM " + order.sourceTable());
        Map<Long, String> destinationNumbers = orderNumbers(f.writableDestination(), "SELECT "
                + order.identifier().destinationColumn() + ", " + number + " FROM " + order.destinationTable());
        int remapped = 0;
        int none = 0;
        for (Map.Entry<Object, Object> p : t.pairs.entrySet()) {
            Long s = t.source.get(p.getKey());
            Long d = t.destination.get(p.getValue());
            if (s == null || s == 0) {
                assertThat(d).as("ticket %s keeps its none value", p.getKey()).isEqualTo(s);
                none++;
            } else {
                assertThat(d).as("ticket %s names the destination row of order %s", p.getKey(), s)
                        .isEqualTo(((Number) orders.get(s)).longValue()).isNotEqualTo(s);
                assertThat(destinationNumbers.get(d)).isEqualTo(sourceNumbers.get(s)).isNotNull();
                remapped++;
            }
        }
        assertThat(remapped).isPositive();
        assertThat(none).isPositive();
        assertThat(t.pairs).doesNotContainKey(dangling).hasSize(t.source.size() - 1);

        // the Text soft key to the tickets themselves: deferred, set once the tickets are in, as text
        int remappedTexts = 0;
        int noneTexts = 0;
        java.util.Set<String> pointingAtDangling = new java.util.HashSet<>();
        for (Map.Entry<Object, Object> p : t.pairs.entrySet()) {
            String s = t.sourceTexts.get(p.getKey());
            String d = t.destinationTexts.get(p.getValue());
            if (s == null || s.isBlank() || s.trim().equals("0")) {
                assertThat(d).as("ticket %s keeps its none text", p.getKey()).isEqualTo(s);
                noneTexts++;
            } else if (Long.parseLong(s.trim()) == dangling) {
                assertThat(d).as("ticket %s names the dead-lettered ticket: left empty", p.getKey()).isNull();
                pointingAtDangling.add(String.valueOf(p.getKey()));
            } else {
                assertThat(d).as("ticket %s names the destination row of ticket %s, as text", p.getKey(), s)
                        .isEqualTo(String.valueOf(t.pairs.get(Long.parseLong(s.trim()))));
                remappedTexts++;
            }
        }
        assertThat(remappedTexts).isPositive();
        assertThat(noneTexts).isPositive();
        try (StateStore state = state(f)) {
            List<DeadLetter> letters = state.deadLetters().list(report.runId()).stream()
                    .filter(d -> d.entity().equals("SupportCore.Ticket")).toList();
            assertThat(letters).filteredOn(d -> d.phase().equals("data"))
                    .extracting(DeadLetter::sourceId, DeadLetter::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(dangling), "parent-missing"));
            assertThat(letters).filteredOn(d -> !d.phase().equals("data")).extracting(DeadLetter::sourceId)
                    .containsExactlyInAnyOrderElementsOf(pointingAtDangling);
        }
        assertThat(f.check(before).problems()).isEmpty();
    }

    /**
     * Source and destination values of RelatedOrderId and of DuplicateOf (texts) by ticket id, and the ticket pairs
     * (source → destination id).
     */
    private record Tickets(Map<Object, Long> source, Map<Object, Long> destination, Map<Object, String> sourceTexts,
                           Map<Object, String> destinationTexts, Map<Object, Object> pairs) {
    }

    private static Tickets tickets(MigrationFixture f, Plan plan) throws Exception {
        PlannedEntity e = plan.entity("SupportCore.Ticket").orElseThrow();
        String column = column(e);
        try (Connection src = f.writableSource(); Connection dst = f.writableDestination()) {
            String text = e.column("DuplicateOf").orElseThrow().sourceColumn();
            return new Tickets(values(src, "SELECT " + e.identifier().sourceColumn() + ", " + column + " FROM " + e.sourceTable()),
                    values(dst, "SELECT " + e.identifier().destinationColumn() + ", " + column + " FROM " + e.destinationTable()),
                    texts(src, "SELECT " + e.identifier().sourceColumn() + ", " + text + " FROM " + e.sourceTable()),
                    texts(dst, "SELECT " + e.identifier().destinationColumn() + ", " + text + " FROM " + e.destinationTable()),
                    pairs(f, plan, "SupportCore.Ticket"));
        }
    }

    private static String column(PlannedEntity ticket) {
        return ticket.column("RelatedOrderId").orElseThrow().sourceColumn();
    }

    private static long firstTicket(Statement s, PlannedEntity ticket, String condition) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT MIN(" + ticket.identifier().sourceColumn() + ") FROM " + ticket.sourceTable()
                + " WHERE " + column(ticket) + " " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<Object, Long> values(Connection c, String sql) throws Exception {
        Map<Object, Long> values = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object v = rs.getObject(2);
                values.put(rs.getLong(1), v == null ? null : ((Number) v).longValue());
            }
        }
        return values;
    }

    private static Map<Object, String> texts(Connection c, String sql) throws Exception {
        Map<Object, String> texts = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                texts.put(rs.getLong(1), rs.getString(2));
            }
        }
        return texts;
    }

    private static Map<Long, String> orderNumbers(Connection c, String sql) throws Exception {
        Map<Long, String> numbers = new HashMap<>();
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                numbers.put(rs.getLong(1), rs.getString(2));
            }
        }
        return numbers;
    }

    private static Map<Object, Object> pairs(MigrationFixture f, Plan plan, String entity) {
        try (StateStore state = state(f)) {
            int scope = state.keyMap().scope("src", "dst", plan.entity(entity).orElseThrow().entity(), MapKind.MOVED);
            Map<Object, Object> pairs = new HashMap<>();
            for (PairBlock.Pair p : state.keyMap().allPairs(scope)) {
                pairs.put(((Number) p.source()).longValue(), ((Number) p.destination()).longValue());
            }
            return pairs;
        }
    }

    private static StateStore state(MigrationFixture f) {
        return StateStore.open("jdbc:sqlite:" + f.dir().resolve("data/state/osmigrate.db"), "", "", 1000);
    }
}

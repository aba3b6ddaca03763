package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.app.ExitCode;
import io.osmigrate.app.PredictedConflicts;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.plan.Plan;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * What the data phase promises, run on each engine: the sample solution moved and compared row by
 * row (cycle, self-reference, statics, tenants, text ids, extension ids, default fills), safe re-runs
 * and top-ups, every unique-conflict policy, unmatched statics, dangling Ignore references, clean
 * and fresh starts.
 */
abstract class DataPhaseContract {

    static final long ROWS = 300;

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    private MigrationFixture sample(SampleOptions options) throws Exception {
        return fixture(dir, options).addMissingUsersToDestination();
    }

    private static long figure(RunReport r, String entity, java.util.function.ToLongFunction<EntityFigures> f) {
        return figure(r, "data", entity, f);
    }

    private static long figure(RunReport r, String phase, String entity, java.util.function.ToLongFunction<EntityFigures> f) {
        return r.entities().stream().filter(e -> e.phase().equals(phase) && e.entity().equals(entity)).mapToLong(f).sum();
    }

    @Test
    void movesTheSampleSolutionAndEveryRowMatchesItsSource() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isEqualTo(ExitCode.OK.code());
            assertThat(report.deadLetters()).isZero();
            assertThat(report.orphans()).isZero();
            assertThat(report.reconciliation()).as("every moved row equals its source by value").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.differs() || c.notComparable() > 0).as("%s", c).isFalse());
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.inserted()).containsEntry("OrdersCore.Order", figure(report, "OrdersCore.Order", EntityFigures::read));
            assertThat(report.entities()).anyMatch(e -> e.phase().equals("deferred") && e.entity().equals("OrdersCore.Customer")
                    && e.deferredUpdates() > 0);
            assertThat(report.entities()).anyMatch(e -> e.phase().equals("deferred") && e.entity().equals("SupportCore.Ticket")
                    && e.deferredUpdates() > 0);
            try (Connection src = f.writableSource(); Connection dst = f.writableDestination()) {
                // text identifiers are copied as they are
                assertThat(column(dst, "SELECT ID FROM OSUSR_Q9Z_COUPON ORDER BY ID"))
                        .containsExactlyElementsOf(column(src, "SELECT ID FROM OSUSR_A1B_COUPON ORDER BY ID"));
                // a one-to-one extension's identifier is its customer's new identifier
                assertThat(column(dst, "SELECT COUNT(*) FROM OSUSR_Q9Z_CUSTOMERPROFILE p JOIN OSUSR_Q9Z_CUSTOMER c ON c.ID = p.ID"))
                        .containsExactly(column(src, "SELECT COUNT(*) FROM OSUSR_A1B_CUSTOMERPROFILE").get(0));
                assertThat(column(dst, "SELECT DISTINCT CHANNEL FROM OSUSR_Q9Z_ORDER")).containsExactly("web");
            }
        }
    }

    @Test
    void entitiesThatDoNotReferenceOneAnotherMoveAtTheSameTimeAndEveryRowMatchesItsSource() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            f.configure("osmigrate.tables-at-once", "2").configure("osmigrate.env.src.pool-size", "5")
                    .configure("osmigrate.env.dst.pool-size", "5");
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();
            assertThat(report.exitCode()).isZero();
            assertThat(f.check(before).problems()).isEmpty();
            // Address, CustomerProfile and Order all come after Customer and reference none of the others: two at once
            List<EntityFigures> wave = List.of(figures(report, "OrdersCore.Address"), figures(report, "OrdersCore.CustomerProfile"),
                    figures(report, "OrdersCore.Order"));
            assertThat(wave).as("two of them moved at the same time").anySatisfy(a -> assertThat(wave).anySatisfy(b -> {
                assertThat(b).isNotSameAs(a);
                assertThat(a.startedAt()).isBefore(b.finishedAt());
                assertThat(b.startedAt()).isBefore(a.finishedAt());
            }));
            // and every entity started once the targets of its references were complete
            int checked = 0;
            for (io.osmigrate.plan.PlannedEntity e : f.plan().moved()) {
                for (io.osmigrate.plan.ColumnPlan c : e.columns()) {
                    java.util.Optional<EntityFigures> target = c.target() == null ? java.util.Optional.empty()
                            : dataFigures(report, c.target().qualifiedName());
                    if (!c.deferred() && target.isPresent() && !c.target().equals(e.entity())) {
                        assertThat(figures(report, e.entity().qualifiedName()).startedAt()).as(e.entity().qualifiedName() + "."
                                + c.attribute()).isAfterOrEqualTo(target.get().finishedAt());
                        checked++;
                    }
                }
            }
            assertThat(checked).as("references checked").isGreaterThan(5);
        }
    }

    private static EntityFigures figures(RunReport r, String entity) {
        return dataFigures(r, entity).orElseThrow(() -> new AssertionError(entity + " has no figures of the data phase"));
    }

    private static java.util.Optional<EntityFigures> dataFigures(RunReport r, String entity) {
        return r.entities().stream().filter(e -> e.phase().equals("data") && e.entity().equals(entity)).findFirst();
    }

    @Test
    void reRunInsertsNothingAndATopUpReadsOnlyTheNewRowsEvenOneBelowTheMovedIds() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            Map<String, Long> before = f.destinationCounts();
            // an order line committed late: out of the source while the first run reads, back with its id after
            Map<String, Object> late;
            try (Connection src = f.writableSource()) {
                late = takeOut(src, "OSUSR_A1B_ORDERLINE", "SELECT ID FROM OSUSR_A1B_ORDERLINE ORDER BY ID OFFSET 10 ROWS"
                        + " FETCH FIRST 1 ROWS ONLY");
            }
            RunReport first = f.run();
            assertThat(first.exitCode()).isZero();
            long orders = figure(first, "OrdersCore.Order", EntityFigures::inserted);
            long lines = figure(first, "OrdersCore.OrderLine", EntityFigures::inserted);

            RunReport again = f.run();
            assertThat(again.exitCode()).isZero();
            assertThat(again.entities().stream().filter(e -> e.phase().equals("data")).mapToLong(EntityFigures::inserted).sum()).isZero();
            assertThat(figure(again, "OrdersCore.Order", EntityFigures::skipped)).isEqualTo(orders);
            // the identifiers alone were compared: no row was read again, no deferred reference read or written again
            assertThat(again.entities().stream().filter(e -> e.phase().equals("data") || e.phase().equals("deferred"))
                    .mapToLong(EntityFigures::read).sum()).isZero();
            assertThat(again.entities().stream().mapToLong(EntityFigures::deferredUpdates).sum()).isZero();

            try (Connection src = f.writableSource(); Statement s = src.createStatement()) {
                s.executeUpdate("INSERT INTO OSUSR_A1B_ORDER (ORDERNUMBER, CUSTOMERID, STATUSID, PLACEDON, TOTAL, ISPAID, CREATEDBY)"
                        + " SELECT 'TOPUP-' || CAST(ID AS VARCHAR(20)), CUSTOMERID, STATUSID, PLACEDON, TOTAL, ISPAID, CREATEDBY"
                        + " FROM OSUSR_A1B_ORDER WHERE ID IN (SELECT MIN(ID) FROM OSUSR_A1B_ORDER UNION SELECT MAX(ID) FROM OSUSR_A1B_ORDER)");
                putBack(src, "OSUSR_A1B_ORDERLINE", late);
                // a new ticket (child of a ticket moved before), and a ticket moved before made its child: the parent
                // arrives after the child moved
                Map<String, Object> newest = new java.util.LinkedHashMap<>(row(src, "OSUSR_K3M_TICKET",
                        "SELECT MAX(ID) FROM OSUSR_K3M_TICKET"));
                newest.remove("ID");
                newest.put("PARENTTICKETID", column(src, "SELECT MAX(ID) FROM OSUSR_K3M_TICKET WHERE ID < (SELECT MAX(ID)"
                        + " FROM OSUSR_K3M_TICKET)").get(0));
                putBack(src, "OSUSR_K3M_TICKET", newest);
                s.executeUpdate("UPDATE OSUSR_K3M_TICKET SET PARENTTICKETID = (SELECT MAX(ID) FROM OSUSR_K3M_TICKET)"
                        + " WHERE ID = (SELECT MIN(ID) FROM OSUSR_K3M_TICKET)");
            }
            RunReport topUp = f.run();
            assertThat(topUp.exitCode()).isZero();
            assertThat(figure(topUp, "OrdersCore.Order", EntityFigures::inserted)).isEqualTo(2);
            assertThat(figure(topUp, "OrdersCore.Order", EntityFigures::read)).isEqualTo(2);
            assertThat(figure(topUp, "OrdersCore.OrderLine", EntityFigures::inserted)).isEqualTo(1);
            assertThat(figure(topUp, "OrdersCore.OrderLine", EntityFigures::read)).isEqualTo(1);
            assertThat(figure(topUp, "OrdersCore.OrderLine", EntityFigures::skipped)).isEqualTo(lines);
            // deferred references: set on the new ticket and on the ticket that points at it, no other row read
            assertThat(figure(topUp, "deferred", "SupportCore.Ticket", EntityFigures::read)).isEqualTo(2);
            assertThat(figure(topUp, "deferred", "SupportCore.Ticket", EntityFigures::deferredUpdates)).isEqualTo(2);
            assertThat(figure(topUp, "deferred", "OrdersCore.Customer", EntityFigures::read)).isZero();
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    /** Deletes the row the query names and returns its columns. */
    private static Map<String, Object> takeOut(Connection c, String table, String idQuery) throws Exception {
        Map<String, Object> row = row(c, table, idQuery);
        try (java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE ID = ?")) {
            Object id = row.get("ID");
            ps.setObject(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return row;
    }

    /** The columns of the row the query names. */
    private static Map<String, Object> row(Connection c, String table, String idQuery) throws Exception {
        Object id = column(c, idQuery).get(0);
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE ID = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i).toUpperCase(java.util.Locale.ROOT), rs.getObject(i));
                }
            }
        }
        return row;
    }

    private static void putBack(Connection c, String table, Map<String, Object> row) throws Exception {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")";
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : row.values()) {
                ps.setObject(i++, v);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void uniqueConflictsAreDeadLetteredByDefault() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withConflictingCoupons(true))) {
            Map<String, Long> before = f.destinationCounts();
            // the plan predicts them, reading only
            assertThat(f.plan().findings()).filteredOn(x -> x.code().equals(PredictedConflicts.CODE))
                    .singleElement().satisfies(x -> {
                        assertThat(x.subject()).isEqualTo("OrdersCore.Coupon");
                        assertThat(x.message()).startsWith("3 source rows").contains("Code", "dead-lettered");
                    });
            RunReport report = f.run();
            assertThat(report.exitCode()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            assertThat(figure(report, "OrdersCore.Coupon", EntityFigures::deadLettered)).isEqualTo(3);
            // rows an earlier run dead-lettered are still predicted; nothing else is
            assertThat(f.plan().findings()).filteredOn(x -> x.code().equals(PredictedConflicts.CODE))
                    .singleElement().satisfies(x -> assertThat(x.message()).startsWith("3 source rows"));
            try (var state = io.osmigrate.state.StateStore.open("jdbc:sqlite:" + f.dir().resolve("data/state/osmigrate.db"), "", "", 1000)) {
                var letters = state.deadLetters().list(report.runId());
                assertThat(letters).filteredOn(d -> d.entity().equals("OrdersCore.Coupon")).hasSize(3)
                        .allSatisfy(d -> {
                            assertThat(d.reason()).isEqualTo("unique-violation");
                            assertThat(d.sqlState()).isEqualTo("23505");
                            assertThat(d.sourceRow()).containsIgnoringCase("\"CODE\":\"CPN-");
                            assertThat(d.mappedRow()).containsIgnoringCase("\"CODE\":\"CPN-");
                        });
                // orders using a dead-lettered coupon are dead-lettered too, never inserted with a dangling reference
                assertThat(letters).filteredOn(d -> d.entity().equals("OrdersCore.Order"))
                        .allSatisfy(d -> assertThat(d.reason()).isEqualTo("parent-failed"));
            }
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    @Test
    void theRunWritesItsPlanAndReportAndTheDeadLettersCommandListsEveryDeadLetter() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withConflictingCoupons(true))) {
            RunReport report = f.run();
            assertThat(report.exitCode()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            Path reportFile = Path.of(report.reportFile());
            assertThat(reportFile.getFileName().toString()).isEqualTo("report.json");
            assertThat(reportFile.getParent().getFileName().toString()).isEqualTo(report.runId());
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var written = json.readTree(reportFile.toFile());
            assertThat(written.path("deadLetters").asLong()).isEqualTo(report.deadLetters()).isPositive();
            assertThat(written.path("entities").findValuesAsText("entity")).contains("OrdersCore.Coupon", "OrdersCore.Order");
            assertThat(json.readTree(reportFile.resolveSibling("plan.json").toFile()).path("entities").size())
                    .isEqualTo(f.plan().entities().size());

            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.PrintStream out = System.out;
            int exit;
            try (java.io.PrintStream capture = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
                System.setOut(capture);
                exit = io.osmigrate.cli.OsMigrate.execute("--config", f.config().toString(), "dead-letters", "--run",
                        report.runId());
            } finally {
                System.setOut(out);
            }
            String listing = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(exit).isZero();
            assertThat(listing.lines().filter(l -> l.startsWith("#")).count()).isEqualTo(report.deadLetters());
            assertThat(listing).contains("OrdersCore.Coupon", "unique-violation", "SQLState 23505", "source: {", "mapped: {",
                    "parent-failed", report.deadLetters() + " dead letters");
        }
    }

    @Test
    void verificationNamesAnEntityWhoseMovedRowsAreGoneFromTheDestination() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            RunReport first = f.run();
            assertThat(first.exitCode()).isZero();
            assertThat(first.verify()).allSatisfy(c -> assertThat(c.destinationLostRows()).as(c.entity()).isFalse());
            try (Connection dst = f.writableDestination(); Statement s = dst.createStatement()) {
                s.executeUpdate("DELETE FROM OSUSR_K3M_TICKETCOMMENT WHERE ID IN (SELECT MIN(ID) FROM OSUSR_K3M_TICKETCOMMENT)");
            }
            RunReport verify = f.run(new RunOptions(List.of(Phase.VERIFY), false));
            VerifyPhase.Check comments = verify.verify().stream()
                    .filter(c -> c.entity().equals("SupportCore.TicketComment")).findFirst().orElseThrow();
            assertThat(comments.destinationLostRows()).isTrue();
            assertThat(comments.destinationRows()).isEqualTo(comments.mapped() - 1);
            assertThat(verify.verify()).filteredOn(VerifyPhase.Check::destinationLostRows).hasSize(1);
            assertThat(io.osmigrate.run.ReportPrinter.print(verify))
                    .contains("WARNING SupportCore.TicketComment: the key map pairs");
        }
    }

    @Test
    void matchExistingMapsConflictsToTheDestinationRows() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withConflictingCoupons(true))) {
            f.spec(MigrationFixture.BASE_SPEC + "  OrdersCore.Coupon:\n    onConflict: match-existing\n    match: [Code]\n");
            Map<String, Long> before = f.destinationCounts();
            assertThat(f.plan().findings()).filteredOn(x -> x.code().equals(PredictedConflicts.CODE))
                    .singleElement().satisfies(x -> assertThat(x.message()).startsWith("3 source rows").contains("matched"));
            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(figure(report, "OrdersCore.Coupon", EntityFigures::matched)).isEqualTo(3);
            // the matched coupons are the destination's own rows, not compared by value; every inserted one is
            assertThat(report.reconciliation()).filteredOn(c -> c.entity().equals("OrdersCore.Coupon")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.compared()).isEqualTo(figure(report, "OrdersCore.Coupon", EntityFigures::inserted));
                        assertThat(c.differs()).isFalse();
                    });
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.matched()).containsEntry("OrdersCore.Coupon", 3L);
        }
    }

    @Test
    void failPolicyStopsTheRun() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withConflictingCoupons(true))) {
            f.spec(MigrationFixture.BASE_SPEC + "  OrdersCore.Coupon:\n    onConflict: fail\n");
            RunReport report = f.run();
            assertThat(report.exitCode()).isEqualTo(ExitCode.FAULT.code());
            assertThat(report.state()).isEqualTo("FAILED");
            assertThat(report.message()).contains("OrdersCore.Coupon").contains("onConflict is fail");
        }
    }

    @Test
    void unmatchedStaticValuesFailByDefaultOrFollowThePolicy() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withUnmatchedStaticRecord(true))) {
            Map<String, Long> before = f.destinationCounts();
            RunReport failed = f.run();
            assertThat(failed.exitCode()).isEqualTo(ExitCode.FAULT.code());
            assertThat(failed.message()).contains("OnHold");

            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "statics:\n  unmatched: dead-letter\nscope:"));
            RunReport report = f.run();
            assertThat(report.exitCode()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            long deadLettered = figure(report, "OrdersCore.Order", EntityFigures::deadLettered);
            assertThat(deadLettered).isPositive();
            // every other row moved exactly; the orders of the unmatched status are dead letters, not rows
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.inserted().get("OrdersCore.Order") + deadLettered)
                    .isEqualTo(f.plan().entity("OrdersCore.Order").orElseThrow().sourceRows());
        }
    }

    @Test
    void danglingIgnoreReferencesAreDeadLetteredOrEmptiedByPolicy() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withDanglingIgnoreReferences(true))) {
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "defaults:\n  unresolvedReference: empty\nscope:"));
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(figure(report, "OrdersCore.Order", EntityFigures::nulled)).isPositive();
            assertThat(report.valuesDiffer()).as("a reference emptied on insert is empty when compared").isFalse();
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    @Test
    void cleanDeletesTheScopeFirstAndFreshStartsOver() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withDestinationCustomers(4))) {
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "clean: true\nscope:"));
            assertThat(f.plan().clean()).isNotEmpty();
            Map<String, Long> own = f.destinationCounts();
            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(report.entities()).anyMatch(e -> e.phase().equals("clean") && e.deleted() > 0);
            assertThat(f.check(afterClean(f, own)).problems()).isEmpty();

            f.spec(MigrationFixture.BASE_SPEC);
            RunReport fresh = f.run(new RunOptions(List.of(), true));
            assertThat(fresh.exitCode()).isZero();
            for (String phase : List.of("data", "bpt")) {
                assertThat(fresh.entities().stream().filter(e -> e.phase().equals(phase)).mapToLong(EntityFigures::inserted).sum())
                        .isEqualTo(report.entities().stream().filter(e -> e.phase().equals(phase))
                                .mapToLong(EntityFigures::inserted).sum()).isPositive();
            }
            // the fresh run deleted the process instances the first moved, and only those
            assertThat(fresh.entities()).anyMatch(e -> e.phase().equals("clean") && e.entity().equals("ServiceCenter.Process")
                    && e.deleted() == report.entities().stream().filter(x -> x.phase().equals("bpt")
                    && x.entity().equals("ServiceCenter.Process")).mapToLong(EntityFigures::inserted).sum());
            assertThat(f.check(afterClean(f, own)).problems()).isEmpty();
        }
    }

    @Test
    void phasesCanBeChosen() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            RunReport verifyOnly = f.run(new RunOptions(List.of(Phase.VERIFY), false));
            assertThat(verifyOnly.entities()).isEmpty();
            assertThat(verifyOnly.verify()).allSatisfy(c -> assertThat(c.mapped()).isZero());
        }
    }

    /** What the clean leaves: no row of a moved entity, and the destination's own process instances. */
    private static Map<String, Long> afterClean(MigrationFixture f, Map<String, Long> own) {
        Map<String, Long> left = new java.util.HashMap<>();
        Plan plan = f.plan();
        plan.moved().forEach(e -> left.put(e.entity().qualifiedName(),
                plan.isBptTable(e.entity()) ? own.get(e.entity().qualifiedName()) : 0L));
        return left;
    }

    private static List<Object> column(Connection c, String sql) throws Exception {
        List<Object> values = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object v = rs.getObject(1);
                values.add(v instanceof Number n ? n.longValue() : v);
            }
        }
        return values;
    }
}

package io.osmigrate.phases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.env.Environment;
import io.osmigrate.plan.BptPlan;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.spec.BptSelection;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * What moving BPT process instances promises, on each engine: the instances of the scope's process definitions
 * are planned with counts and move in the one load order with the application tables; every moved row equals its
 * source row after mapping (MigrationCheck: definitions, statuses, users, groups, tenants, value texts, instance
 * references); the process trees are the source's, checked here by natural keys (labels, activity names,
 * usernames, order numbers) rather than ids; a re-run inserts nothing; {@code instances: open} moves only the
 * trees whose top process is open.
 */
abstract class BptInstancesContract {

    static final long ROWS = 300;
    static final String SPEC = MigrationFixture.BASE_SPEC.replace("[Orders, Support]", "[Orders, Support, Workflow]");

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    private MigrationFixture sample() throws Exception {
        return fixture(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination().spec(SPEC);
    }

    private static long figure(RunReport r, String phase, String entity, java.util.function.ToLongFunction<EntityFigures> f) {
        return r.entities().stream().filter(e -> e.phase().equals(phase) && e.entity().equals(entity)).mapToLong(f).sum();
    }

    @Test
    void processTreesMoveWithTheApplicationDataAndEveryReferencePointsAtTheRightMovedRow() throws Exception {
        try (MigrationFixture f = sample()) {
            Plan plan = f.plan();
            BptPlan bpt = plan.bpt();
            assertThat(bpt.instances()).isEqualTo(BptSelection.ALL);
            assertThat(bpt.processes()).containsExactly("OrdersCore.OrderFulfillment", "OrdersCore.PaymentCheck",
                    "SupportCore.TicketTriage", "SupportCore.UserWelcome");
            assertThat(plan.findings()).anyMatch(x -> x.code().equals("bpt-definition-missing")
                    && x.subject().equals("OrdersCore.LegacyApproval") && x.message().contains(" 2 instances"));
            PlannedEntity process = plan.entity("ServiceCenter.Process").orElseThrow();
            long legacy;
            try (Environment src = f.source()) {
                legacy = count(src, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS p JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                        + " ON d.ID = p.PROCESS_DEF_ID WHERE d.NAME = 'LegacyApproval'");
                assertThat(process.sourceRows()).isEqualTo(count(src, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS") - legacy);
            }
            // one load order: activities after processes, inputs after the orders and tickets their values hold,
            // the application entity that references a process after the processes
            assertThat(order(plan, "ServiceCenter.Activity")).isGreaterThan(order(plan, "ServiceCenter.Process"));
            assertThat(order(plan, "ServiceCenter.Process_Input")).isGreaterThan(order(plan, "OrdersCore.Order"))
                    .isGreaterThan(order(plan, "SupportCore.Ticket"));
            assertThat(order(plan, "WorkflowCore.OrderTracking")).isGreaterThan(order(plan, "ServiceCenter.Process"));
            assertThat(process.deferredColumns()).extracting(c -> c.attribute())
                    .containsExactlyInAnyOrder("PARENT_PROCESS_ID", "PARENT_ACTIVITY_ID", "TOP_PROCESS_ID");
            assertThat(PlanPrinter.print(plan)).contains("BPT (definitions").contains("processes in scope: OrdersCore.OrderFulfillment");
            assertThat(PlanJson.toJson(plan)).contains("\"bpt\"").contains("\"instances\" : \"all\"");

            Map<String, Long> before = f.destinationCounts();
            Map<String, List<String>> sourceTrees = trees(f, true, Set.of());
            List<String> sourceSubscriptions = orderSubscriptions(f, true, Set.of());
            Set<String> own;
            try (Environment dst = f.destination()) {
                own = rows(dst, "SELECT ID FROM OSSYS_BPM_PROCESS").stream().map(r -> r.get(0)).collect(Collectors.toSet());
            }
            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(report.phases()).containsSubsequence("users", "bpt", "data", "events");
            assertThat(figure(report, "bpt", "ServiceCenter.Process", EntityFigures::inserted)).isEqualTo(process.sourceRows());
            assertThat(figure(report, "bpt", "BPT.OSSYS_BPM_PROCESS_DEFINITION", EntityFigures::matched))
                    .as("LegacyApproval is missing in the destination, OrderAudit inactive there").isEqualTo(4);
            assertThat(figure(report, "bpt", "ServiceCenter.Activity", EntityFigures::nulled))
                    .as("LAST_ERROR_ID emptied on the errored activities").isPositive();
            assertThat(ReportPrinter.print(report)).contains("bpt       ServiceCenter.Process");
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.inserted().get("ServiceCenter.Process_Input")).isPositive();

            assertThat(trees(f, false, own)).as("the moved trees, the destination's own left out").isEqualTo(sourceTrees);
            // the source's subscriptions of moved activities, remapped: module, tenant, activity, order all the same rows
            assertThat(sourceSubscriptions).isNotEmpty();
            assertThat(orderSubscriptions(f, false, own)).isEqualTo(sourceSubscriptions);
            long added = report.subscriptions().stream().filter(x -> x.phase().equals("events-added"))
                    .mapToLong(x -> x.putBack()).sum();
            assertThat(added).isEqualTo(sourceSubscriptions.size() + ticketSubscriptions(f));
            try (Environment dst = f.destination()) {
                assertThat(count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS WHERE PARENT_PROCESS_ID IS NULL AND TOP_PROCESS_ID <> ID"))
                        .as("a root's TOP_PROCESS_ID is its own new id").isZero();
                assertThat(count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS c JOIN OSSYS_BPM_PROCESS p ON p.ID = c.PARENT_PROCESS_ID"
                        + " WHERE c.TOP_PROCESS_ID <> p.TOP_PROCESS_ID")).isZero();
                assertThat(count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS c JOIN OSSYS_BPM_ACTIVITY a ON a.ID = c.PARENT_ACTIVITY_ID"
                        + " WHERE a.PROCESS_ID <> c.PARENT_PROCESS_ID")).isZero();
                assertThat(count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_ACTIVITY WHERE IS_RUNNING_AT IS NOT NULL AND IS_RUNNING_AT <> ''"))
                        .as("the scheduler's running markers are cleared").isZero();
                assertThat(count(dst, "SELECT COUNT(*) FROM OSSYS_BPM_ACTIVITY WHERE LAST_ERROR_ID IS NOT NULL")).isZero();
            }

            try (Environment dst = f.destination()) {
                assertThat(count(dst, "SELECT COUNT(*) FROM " + eventTable(dst) + " e JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                        + " ON d.ID = e._PROCESS_DEF_ID WHERE d.NAME = 'OrderFulfillment' AND e._ACTIVITY_ID IS NULL"))
                        .as("a launch subscription never twice").isEqualTo(1);
            }

            RunReport again = f.run();
            assertThat(again.exitCode()).as(again.message()).isZero();
            assertThat(again.subscriptions()).filteredOn(x -> x.phase().equals("events-added"))
                    .allSatisfy(x -> assertThat(x.putBack()).isZero()).extracting(x -> x.alreadyThere()).contains(
                            (long) sourceSubscriptions.size());
            assertThat(orderSubscriptions(f, false, own)).isEqualTo(sourceSubscriptions);
            assertThat(again.entities().stream().filter(e -> e.phase().equals("bpt")).mapToLong(EntityFigures::inserted).sum()).isZero();
            assertThat(figure(again, "bpt", "ServiceCenter.Activity", EntityFigures::skipped))
                    .isEqualTo(plan.entity("ServiceCenter.Activity").orElseThrow().sourceRows());
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    @Test
    void openOnlyMovesTheTreesWhoseTopProcessIsOpen() throws Exception {
        try (MigrationFixture f = sample()) {
            f.spec(SPEC + "bpt:\n  instances: open\n");
            Plan plan = f.plan();
            long open;
            long trackingClosed;
            try (Environment src = f.source()) {
                PlannedEntity tracking = plan.entity("WorkflowCore.OrderTracking").orElseThrow();
                trackingClosed = count(src, "SELECT COUNT(*) FROM " + src.dialect().quote(tracking.sourceTable())
                        + " w JOIN OSSYS_BPM_PROCESS p ON p.ID = w." + src.dialect().quote(tracking.column("ProcessId")
                        .orElseThrow().sourceColumn()) + " JOIN OSSYS_BPM_PROCESS_STATUS s ON s.ID = p.STATUS_ID"
                        + " WHERE s.NAME = 'Closed'");
                open = count(src, "SELECT COUNT(*) FROM OSSYS_BPM_PROCESS p JOIN OSSYS_BPM_PROCESS t ON t.ID = p.TOP_PROCESS_ID"
                        + " JOIN OSSYS_BPM_PROCESS_STATUS s ON s.ID = t.STATUS_ID JOIN OSSYS_BPM_PROCESS_DEFINITION d"
                        + " ON d.ID = p.PROCESS_DEF_ID WHERE s.NAME = 'Active' AND d.NAME <> 'LegacyApproval'");
            }
            assertThat(plan.entity("ServiceCenter.Process").orElseThrow().sourceRows()).isEqualTo(open).isPositive();
            subscribeToAMissingOrder(f);
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();
            // a tracking row of a closed process references a row that did not move: unresolvedReference (dead-letter);
            // so does the subscription of a moved activity to an order the source does not have
            assertThat(trackingClosed).isPositive();
            assertThat(report.exitCode()).as(report.message()).isEqualTo(1);
            assertThat(report.deadLetters()).isEqualTo(trackingClosed + 1);
            try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
                assertThat(runtime.state().deadLetters().list(report.runId())).filteredOn(d -> d.phase().equals("events"))
                        .singleElement().satisfies(d -> {
                            assertThat(d.reason()).isEqualTo("parent-missing");
                            assertThat(d.message()).contains("OrdersCore.Order id 987654321, which was not moved");
                            assertThat(d.entity()).isEqualTo("OrdersCore.Order");
                        });
            }
            assertThat(report.subscriptions()).anyMatch(x -> x.phase().equals("events-added") && x.notPutBack() == 1);
            assertThat(figure(report, "bpt", "ServiceCenter.Process", EntityFigures::inserted)).isEqualTo(open);
            assertThat(f.check(before).problems()).isEmpty();

            f.spec(SPEC + "bpt:\n  instances: none\n");
            assertThat(f.plan().bpt().tables()).isEmpty();
            assertThat(f.plan().entity("ServiceCenter.Process")).isEmpty();
        }
    }

    /**
     * One side's subscriptions of Order's event table that belong to activities (of the processes not left out), by
     * natural keys: module, tenant, process label, activity name, the order's number (null: any order).
     */
    private static List<String> orderSubscriptions(MigrationFixture f, boolean source, Set<String> leftOut) throws SQLException {
        PlannedEntity order = f.plan().entity("OrdersCore.Order").orElseThrow();
        String table = source ? order.sourceTable() : order.destinationTable();
        String number = source ? order.column("OrderNumber").orElseThrow().sourceColumn()
                : order.column("OrderNumber").orElseThrow().destinationColumn();
        List<String> result = new ArrayList<>();
        try (Environment env = source ? f.source() : f.destination()) {
            String sql = "SELECT p.ID, m.NAME, t.NAME, p.LABEL, a.NAME, o." + env.dialect().quote(number) + " FROM "
                    + eventTable(env) + " e JOIN OSSYS_BPM_ACTIVITY a ON a.ID = e._ACTIVITY_ID"
                    + " JOIN OSSYS_BPM_PROCESS p ON p.ID = a.PROCESS_ID JOIN OSSYS_ESPACE m ON m.ID = e._ESPACE_ID"
                    + " LEFT JOIN OSSYS_TENANT t ON t.ID = e._TENANT_ID LEFT JOIN " + env.dialect().quote(table)
                    + " o ON o.ID = e.ID" + MOVABLE;
            for (List<String> r : rows(env, sql)) {
                if (!leftOut.contains(r.get(0))) {
                    result.add(String.valueOf(r.subList(1, r.size())));
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** The source's Ticket subscriptions of moved activities (those of TicketTriage). */
    private static long ticketSubscriptions(MigrationFixture f) throws SQLException {
        try (Environment src = f.source()) {
            String table = rows(src, "SELECT EVENT_TABLE_NAME FROM OSSYS_ENTITY WHERE NAME = 'Ticket' AND IS_ACTIVE = 1"
                    + " AND EVENT_TABLE_NAME IS NOT NULL").get(0).get(0);
            return count(src, "SELECT COUNT(*) FROM " + table + " e WHERE e._ACTIVITY_ID IS NOT NULL");
        }
    }

    /** Order's event table on one side. */
    private static String eventTable(Environment env) throws SQLException {
        return rows(env, "SELECT EVENT_TABLE_NAME FROM OSSYS_ENTITY WHERE NAME = 'Order' AND IS_ACTIVE = 1"
                + " AND EVENT_TABLE_NAME IS NOT NULL").get(0).get(0);
    }

    /** A copy, in the source, of a moved activity's subscription of Order, but to an order that does not exist. */
    private static void subscribeToAMissingOrder(MigrationFixture f) throws SQLException {
        String table;
        try (Environment src = f.source()) {
            table = eventTable(src);
        }
        try (Connection c = f.writableSource(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE _ACTIVITY_ID IS NOT NULL AND ID IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            int n = rs.getMetaData().getColumnCount();
            List<String> columns = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(rs.getMetaData().getColumnName(i));
                values.add(rs.getMetaData().getColumnName(i).equalsIgnoreCase("ID") ? (Object) 987654321 : rs.getObject(i));
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")")) {
                for (int i = 0; i < n; i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    /** Rows of processes (as {@code p}) whose definition both environments have. */
    private static final String MOVABLE = " JOIN OSSYS_BPM_PROCESS_DEFINITION pd ON pd.ID = p.PROCESS_DEF_ID"
            + " WHERE pd.NAME <> 'LegacyApproval'";

    private static int order(Plan plan, String entity) {
        return plan.entity(entity).orElseThrow().order();
    }

    /**
     * The process trees of one side by natural keys: per process label, its definition, its parent's label, the
     * parent activity's name, its status and its top process's label; each activity's name, status, user name and
     * precedent; the order number an OrderId input and the user name an AssignedAgent output point at. The source's
     * leave out the instances of the definition the destination lacks.
     */
    private static Map<String, List<String>> trees(MigrationFixture f, boolean source, Set<String> leftOut) throws SQLException {
        Plan plan = f.plan();
        PlannedEntity order = plan.entity("OrdersCore.Order").orElseThrow();
        String orderTable = source ? order.sourceTable() : order.destinationTable();
        String orderNumber = source ? order.column("OrderNumber").orElseThrow().sourceColumn()
                : order.column("OrderNumber").orElseThrow().destinationColumn();
        Map<String, List<String>> trees = new TreeMap<>();
        try (Environment env = source ? f.source() : f.destination()) {
            String q = env.dialect().quote(orderTable);
            String processes = "SELECT p.ID, p.LABEL, d.NAME, pp.LABEL, pa.NAME, s.NAME, t.LABEL FROM OSSYS_BPM_PROCESS p"
                    + " JOIN OSSYS_BPM_PROCESS_DEFINITION d ON d.ID = p.PROCESS_DEF_ID"
                    + " JOIN OSSYS_BPM_PROCESS_STATUS s ON s.ID = p.STATUS_ID"
                    + " LEFT JOIN OSSYS_BPM_PROCESS pp ON pp.ID = p.PARENT_PROCESS_ID"
                    + " LEFT JOIN OSSYS_BPM_ACTIVITY pa ON pa.ID = p.PARENT_ACTIVITY_ID"
                    + " JOIN OSSYS_BPM_PROCESS t ON t.ID = p.TOP_PROCESS_ID WHERE d.NAME <> 'LegacyApproval'";
            add(trees, rows(env, processes), leftOut, "process");
            String activities = "SELECT p.ID, p.LABEL, a.NAME, s.NAME, LOWER(u.USERNAME), pre.NAME FROM OSSYS_BPM_ACTIVITY a"
                    + " JOIN OSSYS_BPM_PROCESS p ON p.ID = a.PROCESS_ID JOIN OSSYS_BPM_ACTIVITY_STATUS s ON s.ID = a.STATUS_ID"
                    + " LEFT JOIN OSSYS_USER u ON u.ID = a.USER_ID LEFT JOIN OSSYS_BPM_ACTIVITY pre ON pre.ID = a.PRECEDENT_ACTIVITY_ID"
                    + MOVABLE;
            add(trees, rows(env, activities), leftOut, "activity");
            String orderInputs = "SELECT p.ID, p.LABEL, i.NAME, o." + env.dialect().quote(orderNumber) + " FROM OSSYS_BPM_PROCESS_INPUT i"
                    + " JOIN OSSYS_BPM_PROCESS p ON p.ID = i.PROCESS_ID LEFT JOIN " + q + " o ON CAST(o.ID AS VARCHAR(20)) = i.INPUT_VALUE"
                    + MOVABLE + " AND i.NAME = 'OrderId'";
            add(trees, rows(env, orderInputs), leftOut, "input");
            String userOutputs = "SELECT p.ID, p.LABEL, o.NAME, LOWER(u.USERNAME) FROM OSSYS_BPM_PROCESS_OUTPUT o JOIN OSSYS_BPM_PROCESS p"
                    + " ON p.ID = o.PROCESS_ID LEFT JOIN OSSYS_USER u ON CAST(u.ID AS VARCHAR(20)) = o.OUTPUT_VALUE"
                    + MOVABLE + " AND o.NAME = 'AssignedAgent'";
            add(trees, rows(env, userOutputs), leftOut, "output");
        }
        trees.values().forEach(java.util.Collections::sort);
        return trees;
    }

    /** Rows of (process id, label, what…) under their process's label, but those of the processes left out. */
    private static void add(Map<String, List<String>> trees, List<List<String>> rows, Set<String> leftOut, String kind) {
        for (List<String> r : rows) {
            if (!leftOut.contains(r.get(0))) {
                trees.computeIfAbsent(r.get(1), k -> new ArrayList<>()).add(kind + " " + r.subList(2, r.size()));
            }
        }
    }

    private static List<List<String>> rows(Environment env, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long count(Environment env, String sql) throws SQLException {
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package io.osmigrate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.plan.TriggeredTable;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.testsupport.MigrationFixture;
import io.osmigrate.testsupport.Subscriptions;

/**
 * What triggers-off and events promise, on each engine: the destination's own BPT subscriptions are saved
 * and deleted before anything is written, and put back row by row after the data, except those whose
 * process definition or activity is gone, which are reported; the queues get nothing; a re-run saves
 * nothing twice and puts back no subscription twice, not even one the destination made again meanwhile.
 */
abstract class SubscriptionsContract {

    static final long ROWS = 300;

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    MigrationFixture sample(SampleOptions options) throws Exception {
        return fixture(dir, options).addMissingUsersToDestination();
    }

    static long figure(RunReport r, String phase, String entity, java.util.function.ToLongFunction<EntityFigures> f) {
        return r.entities().stream().filter(e -> e.phase().equals(phase) && e.entity().equalsIgnoreCase(entity)).mapToLong(f)
                .sum();
    }

    @Test
    void aRunSavesTheDestinationsSubscriptionsFirstAndPutsThemBackExactly() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS).withPendingDestinationEvents(true))) {
            List<String> before = Subscriptions.all(f);
            List<String> expected = Subscriptions.rows(f, Subscriptions.STILL_SUBSCRIBED);
            assertThat(before).hasSize(expected.size() + 2); // a deleted definition's launch, a vanished activity's
            long queued = Subscriptions.queued(f);
            assertThat(queued).isGreaterThanOrEqualTo(3); // the pending ones, and any the fixture's own user inserts queued

            Plan plan = f.plan();
            assertThat(plan.triggersOff()).extracting(t -> t.eventTable().toUpperCase(Locale.ROOT))
                    .containsExactlyInAnyOrderElementsOf(Subscriptions.TABLES);
            assertThat(plan.triggersOff().stream().mapToLong(TriggeredTable::rows).sum()).isEqualTo(before.size());
            assertThat(plan.triggersOff()).filteredOn(t -> t.eventTable().equalsIgnoreCase("OSEVT_USER"))
                    .singleElement().satisfies(t -> assertThat(t.writtenBy()).isEqualTo("users"));
            assertThat(plan.findings()).anyMatch(x -> x.code().equals("bpt-events-pending"));
            assertThat(PlanJson.toJson(plan)).contains("\"triggersOff\"");
            assertThat(PlanPrinter.print(plan)).contains("Triggers off").containsIgnoringCase("OSEVT_q9z_Order");

            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(report.phases()).containsSubsequence("triggers-off", "users", "data", "events");
            assertThat(figure(report, "data", "OrdersCore.Order", EntityFigures::inserted)).isPositive();
            long orderSubscriptions = plan.triggersOff().stream().filter(t -> t.eventTable().equalsIgnoreCase("OSEVT_q9z_Order"))
                    .mapToLong(TriggeredTable::rows).sum();
            assertThat(orderSubscriptions).isPositive();
            assertThat(report.subscriptions()).filteredOn(x -> x.phase().equals("triggers-off")
                    && x.eventTable().equalsIgnoreCase("OSEVT_q9z_Order")).singleElement().satisfies(x -> {
                        assertThat(x.saved()).isEqualTo(orderSubscriptions);
                        assertThat(x.deleted()).isEqualTo(orderSubscriptions);
                    });
            assertThat(report.subscriptions().stream().filter(x -> x.phase().equals("events"))
                    .mapToLong(SubscriptionFigures::putBack).sum()).isEqualTo(expected.size());
            assertThat(report.subscriptions().stream().filter(x -> x.phase().equals("events"))
                    .mapToLong(SubscriptionFigures::notPutBack).sum()).isEqualTo(2);

            // beside them, the source's subscriptions of the activities the run moved (checked in BptInstancesContract)
            long added = report.subscriptions().stream().filter(x -> x.phase().equals("events-added"))
                    .mapToLong(SubscriptionFigures::putBack).sum();
            assertThat(added).isPositive();
            assertThat(Subscriptions.all(f)).containsAll(expected).hasSize(expected.size() + (int) added);
            assertThat(Subscriptions.queued(f)).isEqualTo(queued);
            assertThat(report.eventsNotRestored()).extracting(UnrestoredEvent::reason).containsExactlyInAnyOrder(
                    "its process definition " + auditDefinition(f) + " is no longer active in the destination",
                    "its activity 999999 no longer exists in the destination");
            assertThat(ReportPrinter.print(report)).contains("Subscriptions not put back").contains("999999");
            assertThat(Subscriptions.stored(f)).isEqualTo(Map.of("DROPPED", 2L));
            assertThat(Subscriptions.triggersOff(f)).isFalse();
        }
    }

    @Test
    void aRerunSavesNothingTwiceAndPutsNoSubscriptionBackTwice() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            assertThat(f.run().exitCode()).isZero();
            List<String> after = Subscriptions.all(f);
            assertThat(after).isNotEmpty();
            RunReport again = f.run();
            assertThat(again.exitCode()).as(again.message()).isZero();
            assertThat(Subscriptions.all(f)).isEqualTo(after);
            assertThat(Subscriptions.stored(f)).isEqualTo(Map.of("DROPPED", 2L));
            assertThat(again.eventsNotRestored()).isEmpty();
            List<SubscriptionFigures> off = again.subscriptions().stream().filter(x -> x.phase().equals("triggers-off")).toList();
            assertThat(off.stream().mapToLong(SubscriptionFigures::rows).sum()).isEqualTo(after.size());
            assertThat(off.stream().mapToLong(SubscriptionFigures::saved).sum()).isEqualTo(after.size());
            assertThat(again.subscriptions().stream().filter(x -> x.phase().equals("events"))
                    .mapToLong(SubscriptionFigures::putBack).sum()).isEqualTo(after.size());
        }
    }

    @Test
    void aSubscriptionTheDestinationMadeAgainWhileTriggersWereOffIsNotPutBackTwice() throws Exception {
        try (MigrationFixture f = sample(SampleOptions.of(ROWS))) {
            List<String> before = Subscriptions.all(f);
            List<String> expected = Subscriptions.rows(f, Subscriptions.STILL_SUBSCRIBED);
            Object[] launch;
            try (Connection c = f.writableDestination(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT e._ESPACE_ID, e._PROCESS_DEF_ID, e._IS_UPDATE, e._IS_LIGHT FROM OSEVT_Q9Z_ORDER e"
                            + " JOIN OSSYS_BPM_PROCESS_DEFINITION d ON d.ID = e._PROCESS_DEF_ID WHERE d.NAME = 'OrderFulfillment'")) {
                assertThat(rs.next()).isTrue();
                launch = new Object[] {rs.getObject(1), null, rs.getObject(2), rs.getObject(3), rs.getObject(4)};
            }

            RunReport off = f.run(new RunOptions(List.of(Phase.TRIGGERS_OFF), false));
            assertThat(off.exitCode()).as(off.message()).isZero();
            assertThat(Subscriptions.all(f)).isEmpty();
            assertThat(Subscriptions.stored(f)).isEqualTo(Map.of("SAVED", (long) before.size()));
            assertThat(Subscriptions.triggersOff(f)).isTrue();
            // the module is published again while the triggers are off: the platform makes its launch subscription
            // anew, and one for a single tenant that did not exist before
            Object[] tenantLaunch = launch.clone();
            tenantLaunch[1] = tenant(f, "Acme");
            publish(f, launch);
            publish(f, tenantLaunch);
            assertThat(f.run(new RunOptions(List.of(Phase.TRIGGERS_OFF), false)).exitCode()).isZero();
            assertThat(Subscriptions.all(f)).isEmpty();
            assertThat(Subscriptions.stored(f)).as("the new row saved, the one saved already not saved twice")
                    .isEqualTo(Map.of("SAVED", (long) before.size() + 1));
            // published once more before the triggers are back on: each subscription still ends up once
            publish(f, launch);
            RunReport on = f.run(new RunOptions(List.of(Phase.EVENTS), false));
            assertThat(on.exitCode()).as(on.message()).isZero();
            List<String> after = Subscriptions.all(f);
            assertThat(after).hasSize(expected.size() + 1).containsAll(expected);
            assertThat(Subscriptions.rows(f, "e._TENANT_ID IS NOT NULL AND e._PROCESS_DEF_ID = " + launch[2])).hasSize(1);
            assertThat(Subscriptions.stored(f)).isEqualTo(Map.of("DROPPED", 2L));
            assertThat(Subscriptions.triggersOff(f)).isFalse();
        }
    }

    private static void publish(MigrationFixture f, Object[] launch) throws Exception {
        try (Connection c = f.writableDestination(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO OSEVT_Q9Z_ORDER (_ESPACE_ID, _TENANT_ID, _PROCESS_DEF_ID, _IS_UPDATE, _IS_LIGHT) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < launch.length; i++) {
                ps.setObject(i + 1, launch[i]);
            }
            ps.executeUpdate();
        }
    }

    private static Object tenant(MigrationFixture f, String name) throws Exception {
        try (Connection c = f.writableDestination(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID FROM OSSYS_TENANT WHERE NAME = '" + name + "'")) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static Object auditDefinition(MigrationFixture f) throws Exception {
        try (Connection c = f.writableDestination(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID FROM OSSYS_BPM_PROCESS_DEFINITION WHERE NAME = 'OrderAudit'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

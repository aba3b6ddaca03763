package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.ChildRun;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;
import io.osmigrate.testsupport.Subscriptions;

/**
 * kill -9 at many moments, then run again: the destination must hold exactly one copy of every
 * source row, nothing lost, nothing duplicated, every reference right. Each run is a child JVM
 * running the real command line; it is killed with SIGKILL (Process.destroyForcibly) either where
 * it pauses at a named point (between batches, mid-batch with rows written but not committed,
 * after the key map prepared its pairs, after the destination committed, during deferred updates,
 * during clean, during triggers-off and events, between the BPT instance tables, while the source's subscriptions
 * are added) or a random moment after its data phase started (the
 * kill must find it running).
 * PostgreSQL source and destination, embedded SQLite state store.
 */
class CrashSafetyTest {

    private static final long ROWS = 6000;

    @TempDir
    Path dir;

    @Test
    void killedAtAnyMomentTheNextRunLeavesExactlyOneCopyOfEveryRow() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            for (String point : List.of("before-insert:3", "after-insert:4", "after-prepare:2", "after-commit:3",
                    "after-insert:9", "after-commit:7", "deferred-update:1")) {
                killAt(f, point);
            }
            Random random = new Random(20261122L);
            for (int i = 0; i < 4; i++) {
                killDuringData(f, random.nextInt(400));
            }
            RunReport last = f.run();
            assertThat(last.exitCode()).as(last.message()).isZero();
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.totalInserted()).isEqualTo(sourceRows(f));
            assertThat(last.orphans()).isZero();
        }
    }

    @Test
    void aCleanKilledHalfwayMustBeFinishedBeforeDataMovesAgain() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(600).withDestinationCustomers(3))
                .addMissingUsersToDestination()) {
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "clean: true\nscope:"));
            Map<String, Long> own = f.destinationCounts();
            killAt(f, "clean-step:3");
            f.spec(MigrationFixture.BASE_SPEC);
            org.assertj.core.api.Assertions.assertThatThrownBy(f::run)
                    .hasMessageContaining("clean phase").hasMessageContaining("did not finish");
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "clean: true\nscope:"));
            RunReport finished = f.run();
            assertThat(finished.exitCode()).as(finished.message()).isZero();
            // the clean leaves no row of a moved entity, but the destination's own process instances
            Map<String, Long> left = new java.util.HashMap<>();
            io.osmigrate.plan.Plan plan = f.plan();
            plan.moved().forEach(e -> left.put(e.entity().qualifiedName(),
                    plan.isBptTable(e.entity()) ? own.get(e.entity().qualifiedName()) : 0L));
            assertThat(f.check(left).problems()).isEmpty();
        }
    }

    @Test
    void killedDuringTriggersOffOrEventsTheNextRunsPutEverySubscriptionBackOnce() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(600)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            List<String> expected = Subscriptions.rows(f, Subscriptions.STILL_SUBSCRIBED);
            int all = Subscriptions.all(f).size();
            long queued = Subscriptions.queued(f);
            // killed with the second event table saved in the state store and not yet emptied
            killAt(f, "triggers-off:2");
            assertThat(Subscriptions.triggersOff(f)).isTrue();
            Map<String, Long> saved = Subscriptions.stored(f);
            assertThat(saved.get("SAVED")).isPositive().isLessThan(all);
            assertThat(Subscriptions.all(f).size() + saved.get("SAVED")).isGreaterThan(all); // the second table: both
            // killed there again: what the state store holds already is not saved twice
            killAt(f, "triggers-off:2");
            assertThat(Subscriptions.stored(f)).isEqualTo(saved);
            // killed in the events phase with the first table back in the destination, before the state store knew
            killAt(f, "events:1");
            assertThat(Subscriptions.all(f)).isNotEmpty();
            RunReport events = f.run(new RunOptions(List.of(Phase.EVENTS), false));
            assertThat(events.exitCode()).as(events.message()).isZero();
            assertThat(Subscriptions.all(f)).isEqualTo(expected);
            RunReport last = f.run();
            assertThat(last.exitCode()).as(last.message()).isZero();
            // with the source's subscriptions of the moved activities beside them, each once
            assertThat(Subscriptions.all(f)).containsAll(expected).doesNotHaveDuplicates()
                    .hasSize(expected.size() + (int) Subscriptions.sourceActivitySubscriptions(f));
            assertThat(Subscriptions.stored(f)).isEqualTo(Map.of("DROPPED", 2L));
            assertThat(Subscriptions.triggersOff(f)).isFalse();
            assertThat(Subscriptions.queued(f)).as("the data went in with the triggers off").isEqualTo(queued);
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    @Test
    void killedWhileProcessInstancesMoveOrTheirSubscriptionsAreAddedTheNextRunDoesEachOnce() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(600)).addMissingUsersToDestination()) {
            f.spec(MigrationFixture.BASE_SPEC.replace("[Orders, Support]", "[Orders, Support, Workflow]"));
            Map<String, Long> before = f.destinationCounts();
            List<String> expected = Subscriptions.rows(f, Subscriptions.STILL_SUBSCRIBED);
            // processes in, their deferred references not set, activities not moved yet
            killAt(f, "bpt-table:2");
            // processes and activities in (skipped now), outputs not yet
            killAt(f, "bpt-table:4");
            // the first event table's source subscriptions added, before the next
            killAt(f, "events-added:1");
            RunReport last = f.run();
            assertThat(last.exitCode()).as(last.message()).isZero();
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.totalInserted()).isEqualTo(sourceRows(f));
            assertThat(check.inserted().get("ServiceCenter.Activity")).isPositive();
            assertThat(last.orphans()).isZero();
            assertThat(Subscriptions.all(f)).containsAll(expected).doesNotHaveDuplicates()
                    .hasSize(expected.size() + (int) Subscriptions.sourceActivitySubscriptions(f));
            assertThat(Subscriptions.triggersOff(f)).isFalse();
        }
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostStopsTheRunAndIsNeverInsertedTwice() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(1500)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            try (ChildRun child = start(f, "-Dosmigrate.fault.fail-at=commit:2")) {
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("a commit of unknown outcome aborts the run; it printed:%n%s",
                        child.output()).isEqualTo(4);
            }
            RunReport last = f.run();
            assertThat(last.exitCode()).as(last.message()).isZero();
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.totalInserted()).isEqualTo(sourceRows(f));
        }
    }

    private long sourceRows(MigrationFixture f) {
        return f.plan().moved().stream().mapToLong(e -> e.sourceRows()).sum();
    }

    /** Runs the command line in a child JVM until it pauses at the point, then kills it with SIGKILL. */
    private void killAt(MigrationFixture f, String point) throws Exception {
        try (ChildRun child = start(f, "-Dosmigrate.fault.pause-at=" + point)) {
            String paused = child.await(l -> l.startsWith("OSM-PAUSED"), 120, TimeUnit.SECONDS);
            assertThat(paused).as("the child should reach %s; it printed:%n%s", point, child.output()).isNotNull();
            assertThat(child.stop(ChildRun.Signal.KILL)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        }
    }

    /**
     * Runs the command line in a child JVM and kills it with SIGKILL a random moment after its data phase
     * started; the kill must find it still writing (a kill that finds the run over tests nothing).
     */
    private void killDuringData(MigrationFixture f, long millis) throws Exception {
        try (ChildRun child = start(f)) {
            String moving = child.await(l -> l.contains("moving up to"), 120, TimeUnit.SECONDS);
            assertThat(moving).as("the run should reach the data phase; it printed:%n%s", child.output()).isNotNull();
            Thread.sleep(millis);
            assertThat(child.stop(ChildRun.Signal.KILL)).as("the kill found the run still going; it printed:%n%s",
                    child.output()).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        }
    }

    private ChildRun start(MigrationFixture f, String... jvmOptions) throws Exception {
        return ChildRun.start(dir, List.of(jvmOptions), "run", f.specFile().toString(), "--config", f.config().toString());
    }
}

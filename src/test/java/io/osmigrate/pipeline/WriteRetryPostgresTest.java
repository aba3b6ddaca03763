package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.ExitCode;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.testsupport.LogCapture;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * The batch writer's retry policy against real PostgreSQL errors: a batch whose insert times out
 * waiting for a lock the test holds is retried and lands once the lock is gone; a destination that
 * refuses writes (a read-only database) fails the batch at once, without retries.
 */
class WriteRetryPostgresTest {

    private static final long ROWS = 300;
    private static final String LOCKED = "SupportCore.TicketComment";

    @TempDir
    Path dir;

    @Test
    void aBatchThatTimesOutOnALockIsRetriedAndEveryRowLandsOnce() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination();
             LogCapture log = new LogCapture()) {
            Map<String, Long> before = f.destinationCounts();
            PlannedEntity comments = f.plan().entity(LOCKED).orElseThrow();
            setForNewSessions(f, "lock_timeout", "'200ms'");
            Future<RunReport> run;
            try (Connection holder = f.writableDestination(); Statement s = holder.createStatement()) {
                holder.setAutoCommit(false);
                // SHARE mode lets every read through and makes the writer's insert wait, then time out
                s.execute("LOCK TABLE " + comments.destinationTable() + " IN SHARE MODE");
                run = runner.submit(() -> f.run());
                awaitLogOrEnd(log, LOCKED + ": LOCK_TIMEOUT while writing a batch", run);
                holder.rollback();
            }
            RunReport report = run.get(5, TimeUnit.MINUTES);

            assertThat(report.exitCode()).as(report.message()).isEqualTo(ExitCode.OK.code());
            assertThat(log.text()).contains(LOCKED + ": LOCK_TIMEOUT while writing a batch", "; retry 1 of 3");
            assertThat(inserted(report, LOCKED)).isEqualTo(comments.sourceRows()).isPositive();
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(check.inserted()).containsEntry(LOCKED, comments.sourceRows());
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void aBatchTheDestinationRefusesForGoodIsNotRetried() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination();
             LogCapture log = new LogCapture()) {
            Map<String, Long> before = f.destinationCounts();
            setForNewSessions(f, "default_transaction_read_only", "on");

            // the data phase alone: its first write is a batch insert (the users phase would write first)
            RunReport report = f.run(new RunOptions(List.of(Phase.DATA), false));

            assertThat(report.exitCode()).isEqualTo(ExitCode.FAULT.code());
            assertThat(report.message()).contains("OrdersCore.Coupon", "read-only transaction");
            assertThat(log.text()).contains("read-only transaction").doesNotContain("while writing a batch").doesNotContain("retry 1 of");
            assertThat(f.destinationCounts()).isEqualTo(before);
        }
    }

    /** A setting for every later session of the fixture's destination database (ALTER DATABASE … SET). */
    private static void setForNewSessions(MigrationFixture f, String parameter, String value) throws Exception {
        try (Connection c = f.writableDestination(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET " + parameter + " = " + value);
        }
    }

    /** Waits until the log says {@code text}, or the run has ended without saying it (the assertions then tell why). */
    private static void awaitLogOrEnd(LogCapture log, String text, Future<?> run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!log.text().contains(text) && !run.isDone()) {
            if (System.nanoTime() > deadline) {
                fail("waited 2 minutes for the log to say: " + text + "\n" + log.text());
            }
            Thread.sleep(20);
        }
    }

    private static long inserted(RunReport report, String entity) {
        return report.entities().stream().filter(e -> e.phase().equals("data") && e.entity().equals(entity))
                .mapToLong(EntityFigures::inserted).sum();
    }
}

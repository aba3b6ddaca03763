package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.ChildRun;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;
import io.osmigrate.testsupport.PostgresDatabases;

/**
 * Many runs interrupted at random moments while the large tables are written, by SIGKILL and by
 * SIGTERM, with the embedded state store and with a PostgreSQL one; then one run to the end and a
 * row-by-row check. The sample destination has no unique key on the large tables, so a row inserted
 * twice lands as a second row instead of being rejected: exactly one copy of every source row, or the
 * test fails. A SIGTERM must stop the run after its batches in flight (exit code 4, no batch left
 * PREPARED). Sized for CI; {@code -Dosm.soak.rows}, {@code .interruptions}, {@code .batch-size} and
 * {@code .max-delay} (milliseconds after a large table starts) scale it.
 */
class KillSoakTest {

    private static final long ROWS = Long.getLong("osm.soak.rows", 100_000);
    private static final int INTERRUPTIONS = Integer.getInteger("osm.soak.interruptions", 6);
    private static final long MAX_DELAY_MILLIS = Long.getLong("osm.soak.max-delay", 1500);
    private static final Pattern MOVING = Pattern.compile("moving up to (\\d+) source rows");

    @TempDir
    Path dir;

    @Test
    void embeddedStateStore() throws Exception {
        soak(null, 20261202L);
    }

    @Test
    void postgresStateStore() throws Exception {
        soak(PostgresDatabases.create("state"), 20261203L);
    }

    /** A line saying the data phase starts an entity with a tenth of the sample's rows or more. */
    private static boolean startsALargeTable(String line) {
        Matcher m = MOVING.matcher(line);
        return m.find() && Long.parseLong(m.group(1)) >= ROWS / 10;
    }

    private void soak(String stateUrl, long seed) throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination()) {
            f.configure("osmigrate.batch-size", Integer.getInteger("osm.soak.batch-size", 200).toString());
            // null: the packaged default, the embedded store under the data directory
            f.configure("osmigrate.state.url", stateUrl);
            if (stateUrl != null) {
                f.configure("osmigrate.state.username", PostgresDatabases.user());
            }
            Map<String, Long> before = f.destinationCounts();
            Random random = new Random(seed);
            List<String> interrupted = new ArrayList<>();
            int completed = 0;
            for (int i = 0; i < INTERRUPTIONS; i++) {
                ChildRun.Signal signal = random.nextBoolean() ? ChildRun.Signal.KILL : ChildRun.Signal.TERM;
                long delay = random.nextLong(MAX_DELAY_MILLIS);
                // a run that finishes first verifies: a sample of rows by value is enough there, the last run
                // below compares every one
                try (ChildRun child = ChildRun.start(dir, List.of(), "run", f.specFile().toString(), "--config",
                        f.config().toString(), "--sample", "1000")) {
                    String moving = child.await(KillSoakTest::startsALargeTable, 180, TimeUnit.SECONDS);
                    assertThat(moving).as("the run should reach a large table; it printed:%n%s", child.output()).isNotNull();
                    Thread.sleep(delay);
                    boolean running = child.stop(signal);
                    if (running && child.exitValue() != 0) {
                        interrupted.add(signal + " after " + delay + " ms");
                        if (signal == ChildRun.Signal.KILL) {
                            assertThat(child.exitValue()).isEqualTo(137);
                        } else {
                            // SIGTERM: the run stops after its batches in flight, says so, and exits with 4
                            assertThat(child.exitValue()).as(child.output()).isEqualTo(4);
                            assertThat(child.output()).contains("stopping after the batches in flight")
                                    .contains("stopped (SIGTERM)").contains("STOPPED");
                            assertThat(f.preparedBatches()).as("a stopped run leaves no batch half-recorded").isZero();
                        }
                    } else {
                        // the run had finished (a SIGTERM may still find the JVM ending: its report says SUCCEEDED)
                        completed++;
                        assertThat(child.exitValue()).as(child.output()).isZero();
                        assertThat(child.output()).contains("SUCCEEDED (exit code 0)");
                    }
                }
            }
            System.out.println("interruptions: " + interrupted + "; runs that finished first: " + completed);
            RunReport last = f.run();
            assertThat(last.exitCode()).as(last.message()).isZero();
            MigrationCheck.Result check = f.check(before);
            assertThat(check.problems()).isEmpty();
            assertThat(interrupted).as("interruptions that found the run still writing").hasSizeGreaterThanOrEqualTo(INTERRUPTIONS / 2);
        } finally {
            if (stateUrl != null) {
                PostgresDatabases.drop(stateUrl);
            }
        }
    }
}

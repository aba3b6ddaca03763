package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationCheck;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * kill -9 at many moments, then run again: the destination must hold exactly one copy of every
 * source row, nothing lost, nothing duplicated, every reference right. Each run is a child JVM
 * running the real command line; it is killed with SIGKILL (Process.destroyForcibly) either where
 * it pauses at a named point (between batches, mid-batch with rows written but not committed,
 * after the key map prepared its pairs, after the destination committed, during deferred updates,
 * during clean) or after a random delay. PostgreSQL source and destination, embedded H2 state store.
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
                killAfter(f, 2500 + random.nextInt(4000));
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
            killAt(f, "clean-step:3");
            f.spec(MigrationFixture.BASE_SPEC);
            org.assertj.core.api.Assertions.assertThatThrownBy(f::run)
                    .hasMessageContaining("clean phase").hasMessageContaining("did not finish");
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "clean: true\nscope:"));
            RunReport finished = f.run();
            assertThat(finished.exitCode()).as(finished.message()).isZero();
            Map<String, Long> none = new java.util.HashMap<>();
            f.plan().moved().forEach(e -> none.put(e.entity().qualifiedName(), 0L));
            assertThat(f.check(none).problems()).isEmpty();
        }
    }

    @Test
    void aCommitWhoseAcknowledgementIsLostStopsTheRunAndIsNeverInsertedTwice() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(1500)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            Process child = start(f, null, "-Dosmigrate.fault.fail-at=commit:2");
            child.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("a commit of unknown outcome aborts the run").isEqualTo(4);
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
        Process child = start(f, point);
        String paused = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("OSM-PAUSED")) {
                    paused = line;
                    break;
                }
            }
            assertThat(paused).as("the child should reach " + point + "; it printed " + output).isNotNull();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Runs the command line in a child JVM and kills it with SIGKILL after the delay, wherever it is. */
    private void killAfter(MigrationFixture f, long millis) throws Exception {
        Process child = start(f, null);
        if (!child.waitFor(millis, TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Process start(MigrationFixture f, String pausePoint, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        if (pausePoint != null) {
            command.add("-Dosmigrate.fault.pause-at=" + pausePoint);
        }
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.osmigrate.cli.OsMigrate");
        command.add("run");
        command.add(f.specFile().toString());
        command.add("--config");
        command.add(f.config().toString());
        Path log = Files.createTempFile(dir, "child", ".log");
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }
}

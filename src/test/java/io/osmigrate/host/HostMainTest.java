package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.ConfigException;
import io.osmigrate.env.Side;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;
import io.osmigrate.testsupport.MigrationCheck;

/**
 * The route host driven the way an operator drives it: camel-main started on a configuration file,
 * job files dropped in the inbox, schedules from the configuration, stops and restarts. Each test
 * has its own folders, state store and copy of two small H2 sample environments. Files are waited
 * for by polling with a generous timeout; nothing asserts how long anything took.
 */
class HostMainTest {

    private static final long ROWS = 300;
    private static final long CUT_ROWS = 3000;

    @TempDir
    Path tmp;

    private final List<HostMain> started = new ArrayList<>();

    @AfterEach
    void stopHosts() throws Exception {
        for (HostMain host : started) {
            host.stop();
        }
    }

    private HostMain start(HostFixture f) throws Exception {
        HostMain host = new HostMain(f.config);
        started.add(host);
        host.start();
        return host;
    }

    @Test
    void aPlanJobEndsInDoneWithItsResult() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        start(f);

        f.drop("plan.yaml", f.job("plan"));
        HostFixture.Result r = f.awaitResult("plan.yaml");

        assertThat(r.folder()).isEqualTo(OsmHost.DONE);
        assertThat(r.status()).isEqualTo("succeeded");
        assertThat(r.exitCode()).isZero();
        assertThat(r.message()).startsWith("plan is runnable");
        assertThat(r.json().path("details").path("entities").asInt()).isPositive();
        assertThat(r.json().path("details").path("plan").isObject()).isTrue();
        assertThat(r.json().path("runId").isNull()).isTrue();
        assertThat(Files.exists(f.inbox.resolve("plan.yaml"))).isFalse();
    }

    @Test
    void aRunJobEndsInDoneWithItsRunIdReportAndFiguresAndTheDestinationHasTheRows() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        long before = f.destinationRows();
        start(f);

        f.drop("run.yaml", f.job("run"));
        HostFixture.Result r = f.awaitResult("run.yaml");

        assertThat(r.folder()).isEqualTo(OsmHost.DONE);
        assertThat(r.exitCode()).isIn(0, 1);
        assertThat(r.status()).isEqualTo(r.exitCode() == 0 ? "succeeded" : "dead-letters");
        String runId = r.json().path("runId").asText();
        assertThat(runId).isNotBlank();
        Path report = Path.of(r.json().path("reportFile").asText());
        assertThat(report).exists().hasParent(f.dataDir.resolve("runs").resolve(runId).toAbsolutePath());
        assertThat(HostFixture.read(report).path("runId").asText()).isEqualTo(runId);

        JsonNode details = r.json().path("details");
        assertThat(details.path("phases")).extracting(JsonNode::asText).contains("data", "verify");
        assertThat(details.path("entities").size()).isPositive();
        assertThat(details.path("entities").get(0).has("inserted")).isTrue();
        long inserted = details.path("totals").path("inserted").asLong();
        assertThat(inserted).isPositive();
        assertThat(details.path("deadLetters").asLong() > 0).isEqualTo(r.exitCode() == 1);
        // every row the run reports as inserted is in the destination, and nothing more
        assertThat(f.destinationRows()).isEqualTo(before + inserted);
    }

    @Test
    void malformedJobsEndInFailedWithTheirErrorAndTheHostGoesOn() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        Path nowhere = tmp.resolve("nowhere.yaml");
        Files.writeString(nowhere, Files.readString(f.spec).replace(HostFixture.SOURCE, "no-such-environment"));
        start(f);

        Map<String, String> jobs = Map.of(
                "bad-yaml.yaml", "spec: [" + f.spec + "\ncommand: plan\n",
                "unknown-key.yaml", f.job("plan", "speed: fast"),
                "bad-command.yaml", f.job("migrate"),
                "bad-phase.yaml", f.job("run", "phases: [data, everything]"),
                "missing-spec.yaml", "spec: " + tmp.resolve("missing.yaml") + "\ncommand: plan\n",
                "run-throws.yaml", "spec: " + nowhere + "\ncommand: run\n");
        for (Map.Entry<String, String> job : jobs.entrySet()) {
            f.drop(job.getKey(), job.getValue());
        }
        Map<String, HostFixture.Result> results = new HashMap<>();
        for (String name : jobs.keySet()) {
            results.put(name, f.awaitResult(name));
        }

        results.forEach((name, r) -> {
            assertThat(r.folder()).as(name).isEqualTo(OsmHost.FAILED);
            assertThat(r.status()).as(name).isEqualTo("failed");
            assertThat(r.exitCode()).as(name).isEqualTo(2);
        });
        assertThat(results.get("bad-yaml.yaml").message()).contains("bad-yaml.yaml").contains("not a valid job file");
        assertThat(results.get("unknown-key.yaml").message()).contains("unknown-key.yaml, line 3").contains("unknown key 'speed'");
        assertThat(results.get("bad-command.yaml").message()).contains("bad-command.yaml").contains("command is 'migrate'; allowed: plan, run");
        assertThat(results.get("bad-phase.yaml").message()).contains("bad-phase.yaml")
                .contains("unknown phase 'everything'; allowed: " + JobFiles.allowedPhases());
        assertThat(results.get("missing-spec.yaml").message()).contains("missing.yaml does not exist");
        assertThat(results.get("run-throws.yaml").message()).contains("unknown environment 'no-such-environment'");
        assertThat(results.get("run-throws.yaml").json().path("command").asText()).isEqualTo("run");

        f.drop("good.yaml", f.job("plan"));
        assertThat(f.awaitResult("good.yaml").folder()).isEqualTo(OsmHost.DONE);
    }

    @Test
    void aJobFileIsPickedUpOnceAlsoAcrossARestart() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        HostMain host = start(f);
        f.drop("once.yaml", f.job("plan"));
        f.awaitResult("once.yaml");
        host.stop();

        start(f);
        // had the first file been left where the inbox sees it, it would be taken no later than this one
        f.drop("later.yaml", f.job("plan"));
        f.awaitResult("later.yaml");

        assertThat(f.results("once.yaml")).hasSize(1);
        assertThat(HostFixture.list(f.inbox.resolve(OsmHost.DONE), p -> p.toString().endsWith("-once.yaml"))).hasSize(1);
        assertThat(HostFixture.list(f.inbox, p -> Files.isRegularFile(p))).isEmpty();
    }

    @Test
    void aJobLeftInProgressByAStoppedHostMovesToFailedOnTheNextStartWithAResultSayingSo() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        Path inProgress = Files.createDirectories(f.inbox.resolve(OsmHost.IN_PROGRESS));
        Files.writeString(inProgress.resolve("cut.yaml"), f.job("run"));

        start(f);
        HostFixture.Result r = f.awaitResult("cut.yaml");

        assertThat(r.folder()).isEqualTo(OsmHost.FAILED);
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.message()).contains("the host stopped while this job ran").contains("drop the job file again");
        assertThat(r.json().path("command").asText()).isEqualTo("run");
        assertThat(inProgress).isEmptyDirectory();
        // not run again: nothing was written to the destination's run history
        assertThat(f.dataDir.resolve("runs")).doesNotExist();
    }

    @Test
    void stoppingMidRunWaitsForTheRunThenTheJobEndsAsUsual() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        long before = f.destinationRows();
        HostMain host = start(f);
        f.drop("run.yaml", f.job("run"));
        // the run has started once its plan is written under data/runs/<run id>/
        HostFixture.await("the run to start", () -> HostFixture.list(f.dataDir.resolve("runs"), p -> true).stream()
                .filter(dir -> Files.exists(dir.resolve("plan.json"))).findFirst());

        host.stop();

        // stop() returned only after the job ended: its result is there already, not in .inprogress/
        Optional<HostFixture.Result> found = f.find("run.yaml");
        assertThat(found).as("a result as soon as stop() returns").isPresent();
        HostFixture.Result r = found.get();
        assertThat(r.folder()).isEqualTo(OsmHost.DONE);
        assertThat(r.exitCode()).isIn(0, 1);
        assertThat(Path.of(r.json().path("reportFile").asText())).exists();
        assertThat(HostFixture.list(f.inbox.resolve(OsmHost.IN_PROGRESS), p -> true)).isEmpty();
        assertThat(f.destinationRows()).isEqualTo(before + r.json().path("details").path("totals").path("inserted").asLong());
    }

    @Test
    void aStopThatCutsARunLeavesNothingHalfRecordedAndTheNextRunCompletesIt() throws Exception {
        // one row per batch over a few thousand rows: the run outlasts the 1-s shutdown timeout many times over
        HostFixture f = new HostFixture(tmp, CUT_ROWS).with("camel.main.shutdown-timeout = 1").with("osmigrate.batch-size = 1");
        long before = f.destinationRows();
        Map<String, Long> countsBefore = movedEntityCounts(f);
        HostMain host = start(f);
        f.drop("cut.yaml", f.job("run"));
        HostFixture.await("the run's first rows in the destination", () -> {
            try {
                return f.destinationRows() > before ? Optional.of(true) : Optional.empty();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        host.stop();
        assertThat(host.host().awaitIdle(HostFixture.WAIT)).as("the cut run has ended").isTrue();
        f.with("osmigrate.batch-size = 1000");
        start(f);

        // the job was cut: its result says the host stopped, whether the run ended with the host or the file was found on start
        HostFixture.Result cut = f.awaitResult("cut.yaml");
        assertThat(cut.folder()).isEqualTo(OsmHost.FAILED);
        assertThat(cut.exitCode()).isEqualTo(4);
        assertThat(cut.message()).containsAnyOf("the host stopped during this job", "the host stopped while this job ran");
        assertThat(f.results("cut.yaml")).as("one result").hasSize(1);
        f.drop("again.yaml", f.job("run"));
        HostFixture.Result again = f.awaitResult("again.yaml");

        assertThat(again.folder()).isEqualTo(OsmHost.DONE);
        JsonNode totals = again.json().path("details").path("totals");
        // the cut run's rows are recognised (skipped), the rest inserted now
        assertThat(totals.path("skipped").asLong()).isPositive();
        assertThat(totals.path("inserted").asLong()).isPositive();
        // row by row: every source row once, whichever run wrote it, every reference right
        try (OsmRuntime runtime = OsmRuntime.standalone(f.config)) {
            MigrationSpec spec = SpecLoader.load(f.spec);
            Plan plan = Plans.make(runtime, spec);
            MigrationCheck.Result check = MigrationCheck.check(plan, runtime.environment(spec, Side.SOURCE),
                    runtime.environment(spec, Side.DESTINATION), runtime.state(), countsBefore);
            assertThat(check.problems()).isEmpty();
            assertThat(check.totalInserted()).isEqualTo(plan.moved().stream().mapToLong(PlannedEntity::sourceRows).sum());
        }
    }

    /** Destination rows of each moved entity, for {@link MigrationCheck} (read before the host starts). */
    private static Map<String, Long> movedEntityCounts(HostFixture f) throws Exception {
        try (OsmRuntime runtime = OsmRuntime.standalone(f.config)) {
            MigrationSpec spec = SpecLoader.load(f.spec);
            return MigrationCheck.counts(Plans.make(runtime, spec), runtime.environment(spec, Side.DESTINATION));
        }
    }

    @Test
    void aCronScheduleRunsAPlanAndWritesItsResultUnderTheDataFolder() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        f.with("osmigrate.schedule.every-two.spec = " + f.spec)
                .with("osmigrate.schedule.every-two.cron = 0/2 * * * * ?")
                .with("osmigrate.schedule.every-two.command = plan");
        start(f);

        Path result = HostFixture.await("a schedule result", () -> HostFixture.list(f.dataDir.resolve("schedules"),
                p -> p.getFileName().toString().startsWith("every-two-") && p.toString().endsWith(".result.json")).stream().findFirst());

        JsonNode json = HostFixture.read(result);
        assertThat(json.path("job").asText()).isEqualTo("schedule every-two");
        assertThat(json.path("command").asText()).isEqualTo("plan");
        assertThat(json.path("status").asText()).isEqualTo("succeeded");
        assertThat(json.path("exitCode").asInt()).isZero();
    }

    @Test
    void aBadCronFailsTheStartNamingTheKey() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        f.with("osmigrate.schedule.nightly.spec = " + f.spec)
                .with("osmigrate.schedule.nightly.cron = every night at two");

        assertThatThrownBy(() -> start(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.config + ": ")
                .hasMessageContaining("osmigrate.schedule.nightly.cron 'every night at two' is not a Quartz cron expression");
    }

    @Test
    void aScheduleNamingAMissingSpecFailsTheStartNamingTheKey() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS)
                .with("osmigrate.schedule.nightly.spec = " + tmp.resolve("gone.yaml"))
                .with("osmigrate.schedule.nightly.cron = 0 0 2 * * ?");

        assertThatThrownBy(() -> start(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.config + ": osmigrate.schedule.nightly.spec")
                .hasMessageContaining("gone.yaml does not exist");
    }

}

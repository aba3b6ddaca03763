package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import io.osmigrate.testsupport.LogCapture;
import io.osmigrate.testsupport.MigrationCheck;

/**
 * The route host driven the way an operator drives it: camel-main started on a configuration file,
 * job files dropped in the inbox, schedules from the configuration, stops and restarts. Each test
 * has its own folders, state store and copy of two small H2 sample environments. Files are waited
 * for by polling with a generous timeout; nothing asserts how long anything took.
 */
class HostMainTest {

    private static final long ROWS = 300;

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
        Path nowhere = f.specs.resolve("nowhere.yaml");
        Files.writeString(nowhere, Files.readString(f.spec).replace(HostFixture.SOURCE, "no-such-environment"));
        start(f);

        Map<String, String> jobs = Map.of(
                "bad-yaml.yaml", "spec: [" + f.spec + "\ncommand: plan\n",
                "unknown-key.yaml", f.job("plan", "speed: fast"),
                "bad-command.yaml", f.job("migrate"),
                "bad-phase.yaml", f.job("run", "phases: [data, everything]"),
                "missing-spec.yaml", "spec: " + f.specs.resolve("missing.yaml") + "\ncommand: plan\n",
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
        assertThat(results.get("bad-command.yaml").message()).contains("bad-command.yaml, line 2")
                .contains("command is not one of the allowed words; allowed: plan, run").doesNotContain("migrate");
        assertThat(results.get("bad-phase.yaml").message()).contains("bad-phase.yaml")
                .contains("phases[1] is not a phase; allowed: " + JobFiles.allowedPhases()).doesNotContain("everything");
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
    void stoppingMidRunStopsItAfterTheBatchesInFlightAndTheNextRunCompletesIt() throws Exception {
        // one row per batch over a thousand rows: many batch commits, so the stop lands between two of them
        HostFixture f = new HostFixture(tmp, 1000).with("osmigrate.batch-size = 1");
        long before = f.destinationRows();
        Map<String, Long> countsBefore = movedEntityCounts(f);
        HostMain host = start(f);
        f.drop("cut.yaml", f.job("run"));
        HostFixture.await("the run's first rows", () -> Optional.of(f.destinationRowsNow()).filter(n -> n > before));

        host.stop();

        // stop() returned only after the job ended: its result is there already, not in .inprogress/
        HostFixture.Result cut = f.find("cut.yaml").orElseThrow(() -> new AssertionError("no result when stop() returned"));
        assertThat(cut.folder()).isEqualTo(OsmHost.FAILED);
        assertThat(cut.exitCode()).isEqualTo(4);
        assertThat(cut.message()).contains("the host stopped during this job").contains("stopped (the host is stopping)");
        assertThat(HostFixture.list(f.inbox.resolve(OsmHost.IN_PROGRESS), p -> true)).isEmpty();
        long written = f.destinationRows() - before;
        long cutInserted = cut.json().path("details").path("totals").path("inserted").asLong();
        assertThat(written).as("every row the stopped run wrote is in its figures").isEqualTo(cutInserted);
        assertThat(f.preparedBatches()).as("no batch left half-recorded").isZero();

        start(f);
        f.drop("again.yaml", f.job("run"));
        HostFixture.Result again = f.awaitResult("again.yaml");

        assertThat(again.folder()).isEqualTo(OsmHost.DONE);
        JsonNode totals = again.json().path("details").path("totals");
        assertThat(totals.path("inserted").asLong()).as("the stopped run had more to do").isPositive();
        // every row the stopped run wrote has its key-map pair: skipped, not inserted again
        assertThat(totals.path("skipped").asLong()).isEqualTo(cutInserted);
        assertThat(f.destinationRows()).isEqualTo(before + cutInserted + totals.path("inserted").asLong());
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
                .with("osmigrate.schedule.nightly.spec = " + tmp.resolve("migrations").resolve("gone.yaml"))
                .with("osmigrate.schedule.nightly.cron = 0 0 2 * * ?");

        assertThatThrownBy(() -> start(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.config + ": osmigrate.schedule.nightly.spec")
                .hasMessageContaining("gone.yaml does not exist");
    }

    @Test
    void jobsNamingAnythingButASpecInTheSpecFoldersEndInFailedUnreadAndTheHostGoesOn() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        String secret = "osm-secret-" + UUID.randomUUID();
        Path outside = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0:" + secret + ":/root:/bin/bash\n");
        Files.writeString(outside.resolve("prod.yaml"), Files.readString(f.spec) + "# " + secret + "\n");
        Files.writeString(f.specs.resolve(".env"), "DB_PASSWORD=" + secret + "\n");
        Files.createSymbolicLink(f.specs.resolve("prod.yaml"), outside.resolve("prod.yaml"));
        HostFixture.mkfifo(f.specs.resolve("pipe.yaml"));
        Files.writeString(f.specs.resolve("big.yaml"), "# " + secret + "\n" + "#".repeat(SpecFolders.MAX_SPEC_BYTES));
        Files.writeString(f.specs.resolve("not-a-spec.yaml"), "root:x:0:0:" + secret + ":/root:/bin/bash\n");
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("passwd.yaml", outside.resolve("passwd").toString());
        specs.put("dotdot.yaml", f.specs + "/../etc/prod.yaml");
        specs.put("link.yaml", f.specs.resolve("prod.yaml").toString());
        specs.put("dotenv.yaml", f.specs.resolve(".env").toString());
        specs.put("fifo.yaml", f.specs.resolve("pipe.yaml").toString());
        specs.put("big.yaml", f.specs.resolve("big.yaml").toString());
        specs.put("not-a-spec.yaml", f.specs.resolve("not-a-spec.yaml").toString());
        Map<String, String> rules = Map.of(
                "passwd.yaml", "is outside the spec folders",
                "dotdot.yaml", "is outside the spec folders",
                "link.yaml", "is outside the spec folders",
                "dotenv.yaml", "is not named *.yaml or *.yml",
                "fifo.yaml", "is a special file (a FIFO, socket or device), not a regular file",
                "big.yaml", "is larger than the limit of " + SpecFolders.MAX_SPEC_BYTES + " bytes",
                "not-a-spec.yaml", "the spec is text; allowed: a section with the keys");
        HostFixture.Result noPhases;
        try (LogCapture log = new LogCapture()) {
            start(f);
            for (Map.Entry<String, String> job : specs.entrySet()) {
                f.drop(job.getKey(), "spec: " + job.getValue() + "\ncommand: plan\n");
            }
            f.drop("no-phases.yaml", f.job("run", "phases: []"));
            for (Map.Entry<String, String> job : specs.entrySet()) {
                String name = job.getKey();
                HostFixture.Result r = f.awaitResult(name);
                assertThat(r.folder()).as(name).isEqualTo(OsmHost.FAILED);
                assertThat(r.exitCode()).as(name).isEqualTo(2);
                assertThat(r.json().path("job").asText()).isEqualTo(name);
                assertThat(r.message()).as(name).startsWith(name + ": ").contains(job.getValue()).contains(rules.get(name));
            }
            noPhases = f.awaitResult("no-phases.yaml");
            // the host went on past the FIFO: a good job still runs
            f.drop("good.yaml", f.job("plan"));
            assertThat(f.awaitResult("good.yaml").folder()).isEqualTo(OsmHost.DONE);

            assertThat(log.text()).contains("is outside the spec folders").doesNotContain(secret);
        }
        assertThat(noPhases.folder()).isEqualTo(OsmHost.FAILED);
        assertThat(noPhases.message()).contains("no-phases.yaml, line 3: phases is empty");
        assertThat(f.dataDir.resolve("runs")).as("nothing ran").doesNotExist();
        assertThat(HostFixture.allText(f.inbox)).doesNotContain(secret);
    }

    @Test
    void everythingTheInboxTakesEndsInFailedWithAResultWhenItIsNoJobFile() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        String secret = "osm-secret-" + UUID.randomUUID();
        Path shadow = Files.writeString(tmp.resolve("shadow"), "root:$6$" + secret + ":19000:0:99999:7:::\n");
        Path realJob = Files.writeString(tmp.resolve("elsewhere.yaml"), f.job("plan") + "# " + secret + "\n");
        Map<String, String> rules = Map.of(
                "empty.yaml", "empty.yaml: the job file is empty",
                "folder.yaml", "folder.yaml is a folder, not a regular file",
                "shadow.yaml", "shadow.yaml is a symbolic link, not a regular file",
                "job-link.yaml", "job-link.yaml is a symbolic link, not a regular file",
                "dangling.yaml", "dangling.yaml is a symbolic link, not a regular file",
                "fifo.yaml", "fifo.yaml is a special file (a FIFO, socket or device), not a regular file",
                "big.yaml", "big.yaml is larger than the limit of " + JobFiles.MAX_JOB_BYTES + " bytes");
        try (LogCapture log = new LogCapture()) {
            start(f);
            f.drop("empty.yaml", "");
            f.dropEntry("folder.yaml", at -> Files.writeString(Files.createDirectories(at).resolve("inside.yaml"), f.job("plan")));
            f.dropEntry("shadow.yaml", at -> Files.createSymbolicLink(at, shadow));
            f.dropEntry("job-link.yaml", at -> Files.createSymbolicLink(at, realJob));
            f.dropEntry("dangling.yaml", at -> Files.createSymbolicLink(at, tmp.resolve("nothing-here")));
            f.dropEntry("fifo.yaml", HostFixture::mkfifo);
            f.drop("big.yaml", f.job("plan") + "#".repeat(JobFiles.MAX_JOB_BYTES));

            for (Map.Entry<String, String> rule : rules.entrySet()) {
                HostFixture.Result r = f.awaitResult(rule.getKey());
                assertThat(r.folder()).as(rule.getKey()).isEqualTo(OsmHost.FAILED);
                assertThat(r.exitCode()).as(rule.getKey()).isEqualTo(2);
                assertThat(r.message()).as(rule.getKey()).contains(rule.getValue());
            }
            f.drop("good.yaml", f.job("plan"));
            assertThat(f.awaitResult("good.yaml").folder()).isEqualTo(OsmHost.DONE);
            assertThat(log.text()).contains("is a symbolic link").doesNotContain(secret);
        }
        // nothing was left behind in the inbox, not even a read-lock marker
        assertThat(HostFixture.list(f.inbox, p -> !p.getFileName().toString().startsWith("."))).isEmpty();
        assertThat(HostFixture.list(f.inbox, p -> p.toString().endsWith(".camelLock"))).isEmpty();
        // links moved as links: what they point to is where it was, untouched
        assertThat(shadow).exists();
        assertThat(realJob).exists();
        assertThat(f.dataDir.resolve("runs")).doesNotExist();
        // what the links point to never reached a result or a file in .failed/
        assertThat(HostFixture.allText(f.inbox.resolve(OsmHost.FAILED))).doesNotContain(secret);
    }

    @Test
    void aScheduleSpecIsCheckedAgainEachTimeItFires() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        String secret = "osm-secret-" + UUID.randomUUID();
        Path outside = Files.writeString(tmp.resolve("prod.yaml"), Files.readString(f.spec) + "# " + secret + "\n");
        Path nightly = Files.copy(f.spec, f.specs.resolve("nightly.yaml"));
        f.with("osmigrate.schedule.every-two.spec = " + nightly)
                .with("osmigrate.schedule.every-two.cron = 0/2 * * * * ?")
                .with("osmigrate.schedule.every-two.command = plan");
        start(f);
        // after the start-up check, the spec becomes a link that leads out of the spec folder
        Path swap = Files.createSymbolicLink(f.specs.resolve(".swap"), outside);
        Files.move(swap, nightly, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        JsonNode failed = HostFixture.await("a refused schedule run", () -> HostFixture.list(f.dataDir.resolve("schedules"),
                p -> p.toString().endsWith(".result.json")).stream().map(HostFixture::read)
                .filter(json -> json.path("status").asText().equals("failed")).findFirst());

        assertThat(failed.path("job").asText()).isEqualTo("schedule every-two");
        assertThat(failed.path("exitCode").asInt()).isEqualTo(2);
        assertThat(failed.path("message").asText()).contains("schedule every-two: spec " + nightly + " is outside the spec folders");
        assertThat(HostFixture.allText(f.dataDir.resolve("schedules"))).doesNotContain(secret);
    }

    @Test
    void aScheduleNamingASpecOutsideTheSpecFoldersFailsTheStart() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS);
        Path outside = Files.copy(f.spec, tmp.resolve("outside.yaml"));
        f.with("osmigrate.schedule.nightly.spec = " + outside).with("osmigrate.schedule.nightly.cron = 0 0 2 * * ?");

        assertThatThrownBy(() -> start(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.config + ": osmigrate.schedule.nightly.spec: spec " + outside
                        + " is outside the spec folders (osmigrate.spec-folders = " + f.specs.toAbsolutePath() + ")");
    }

    @Test
    void aSpecFolderThatDoesNotExistFailsTheStartNamingTheKey() throws Exception {
        HostFixture f = new HostFixture(tmp, ROWS).with("osmigrate.spec-folders = " + tmp.resolve("no-such-folder"));

        assertThatThrownBy(() -> start(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.config + ": osmigrate.spec-folders: " + tmp.resolve("no-such-folder") + " does not exist");
    }
}

package io.osmigrate.host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.ConfigException;
import io.osmigrate.env.EnvironmentException;
import io.osmigrate.metamodel.MetamodelException;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.Severity;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.run.RunService;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.state.EntityFigures;

/**
 * Executes jobs in the route host, one at a time: a job that arrives while another runs (a schedule
 * firing during a job file's run) waits for it. A job never throws; whatever happens becomes its
 * {@link JobOutcome}. Once the host is stopping, a job that has not started yet is not started.
 * Thread-safe.
 */
public final class JobRunner {

    /** The status of a job that never started because the host was stopping (nothing ran). */
    static final String SKIPPED = "skipped";

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final OsmRuntime runtime;
    private final SpecFolders specs;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private volatile boolean stopping;
    private volatile String current;

    public JobRunner(OsmRuntime runtime, SpecFolders specs) {
        this.runtime = runtime;
        this.specs = specs;
    }

    public OsmRuntime runtime() {
        return runtime;
    }

    public JobOutcome execute(String jobName, JobRequest job) {
        oneAtATime.lock();
        current = jobName;
        try {
            Instant started = Instant.now();
            if (stopping) {
                LOG.warn("Job {} not started: the host is stopping", jobName);
                return new JobOutcome(jobName, job.spec(), job.command(), SKIPPED, ExitCode.FAULT.code(),
                        "not started: the host was stopping; drop the job again (or wait for the next schedule)", null, null,
                        started, Instant.now(), Map.of());
            }
            JobOutcome outcome = attempt(jobName, job, started);
            if (stopping && outcome.status().equals("failed")) {
                String why = outcome.message().endsWith(".") ? outcome.message() : outcome.message() + ".";
                outcome = outcome.withMessage("the host stopped during this job, so it did not finish: " + why
                        + " Drop the job again to go on (a run resumes safely where it stopped).");
            }
            LOG.info("Job {}: {} (exit code {}) {}", jobName, outcome.status(), outcome.exitCode(), outcome.message());
            return outcome;
        } finally {
            current = null;
            oneAtATime.unlock();
        }
    }

    private JobOutcome attempt(String jobName, JobRequest job, Instant started) {
        try {
            LOG.info("Job {}: {} {}", jobName, job.command(), job.spec());
            return switch (job.command()) {
                case "plan" -> plan(jobName, job, started);
                case "run" -> run(jobName, job, started);
                default -> failed(jobName, job, started, ExitCode.CONFIG_ERROR,
                        "command '" + job.command() + "' is unknown; allowed: plan, run", null);
            };
        } catch (ConfigException | EnvironmentException | MetamodelException e) {
            LOG.warn("Job {} failed: {}", jobName, e.getMessage());
            return failed(jobName, job, started, ExitCode.CONFIG_ERROR, e.getMessage(), null);
        } catch (Exception e) {
            LOG.error("Job {} failed", jobName, e);
            return failed(jobName, job, started, ExitCode.FAULT, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** From now on no job starts; the run in flight (if any) stops after the batches it has in flight. */
    void stopping() {
        stopping = true;
        runtime.stopSignal().request("the host is stopping");
        String job = current;
        if (job != null) {
            LOG.info("The host is stopping; job {} stops after the batches it has in flight", job);
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /** The job in flight, if any. */
    String current() {
        return current;
    }

    /** Waits until no job is in flight; false when one still is after the timeout. */
    boolean awaitIdle(Duration timeout) {
        try {
            if (oneAtATime.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                oneAtATime.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JobOutcome plan(String jobName, JobRequest job, Instant started) {
        Plan plan = Plans.make(runtime, spec(jobName, job));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entities", plan.entities().size());
        details.put("errors", plan.errors().size());
        details.put("warnings", plan.findings().stream().filter(f -> f.severity() == Severity.WARNING).count());
        details.put("plan", plan);
        ExitCode code = plan.runnable() ? ExitCode.OK : ExitCode.PLAN_BLOCKED;
        String message = plan.runnable() ? "plan is runnable: " + plan.moved().size() + " entities to move"
                : "plan has " + plan.errors().size() + " blocking errors: " + plan.errors().get(0).message();
        return new JobOutcome(jobName, job.spec(), job.command(), plan.runnable() ? "succeeded" : "blocked", code.code(),
                message, null, null, started, Instant.now(), details);
    }

    private JobOutcome run(String jobName, JobRequest job, Instant started) throws Exception {
        RunOptions options = new RunOptions(JobFiles.phases(job), job.isFresh());
        RunReport report = RunService.run(runtime, spec(jobName, job), options);
        String status = switch (report.state()) {
            case "SUCCEEDED" -> "succeeded";
            case "DEAD_LETTERS" -> "dead-letters";
            case "BLOCKED" -> "blocked";
            case "UNACCOUNTED" -> "unaccounted";
            default -> "failed";
        };
        Totals totals = new Totals();
        List<Map<String, Object>> entities = new ArrayList<>();
        for (EntityFigures f : report.entities()) {
            totals.add(f);
            entities.add(entity(f));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", report.source());
        details.put("destination", report.destination());
        details.put("phases", report.phases());
        details.put("state", report.state());
        details.put("totals", totals.asMap());
        details.put("deadLetters", report.deadLetters());
        details.put("orphanReferences", report.orphans());
        details.put("entities", entities);
        String message = report.message() != null && !report.message().isBlank() ? report.message()
                : "run " + report.runId() + " " + status + ": " + totals.inserted + " rows inserted, " + totals.matched
                        + " matched, " + totals.skipped + " already there, " + report.deadLetters() + " dead-lettered";
        return new JobOutcome(jobName, job.spec(), job.command(), status, report.exitCode(), message, report.runId(),
                report.reportFile(), started, Instant.now(), details);
    }

    /** The job's spec, read only from the spec folders; a refusal names the job. */
    private MigrationSpec spec(String jobName, JobRequest job) {
        try {
            return specs.load(job.spec());
        } catch (ConfigException e) {
            throw new ConfigException(jobName + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> entity(EntityFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", f.entity());
        m.put("phase", f.phase());
        m.put("read", f.read());
        m.put("inserted", f.inserted());
        m.put("matched", f.matched());
        m.put("skipped", f.skipped());
        m.put("deadLettered", f.deadLettered());
        m.put("nulled", f.nulled());
        m.put("deferredUpdates", f.deferredUpdates());
        m.put("deleted", f.deleted());
        m.put("seconds", Double.parseDouble(String.format(Locale.ROOT, "%.3f", f.duration().toNanos() / 1e9)));
        return m;
    }

    /** A run's figures summed over its entities. */
    private static final class Totals {
        long entities;
        long read;
        long inserted;
        long matched;
        long skipped;
        long deadLettered;
        long nulled;
        long deleted;

        void add(EntityFigures f) {
            entities++;
            read += f.read();
            inserted += f.inserted();
            matched += f.matched();
            skipped += f.skipped();
            deadLettered += f.deadLettered();
            nulled += f.nulled();
            deleted += f.deleted();
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entities", entities);
            m.put("read", read);
            m.put("inserted", inserted);
            m.put("matched", matched);
            m.put("skipped", skipped);
            m.put("deadLettered", deadLettered);
            m.put("nulled", nulled);
            m.put("deleted", deleted);
            return m;
        }
    }

    static JobOutcome failed(String jobName, JobRequest job, Instant started, ExitCode code, String message, String runId) {
        return new JobOutcome(jobName, job == null ? null : job.spec(), job == null ? null : job.command(), "failed",
                code.code(), message, runId, null, started, Instant.now(), Map.of());
    }
}

package io.osmigrate.host;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
import io.osmigrate.spec.SpecLoader;

/**
 * Executes jobs in the route host, one at a time: a job that arrives while another runs waits for
 * it. A job never throws; whatever happens becomes its {@link JobOutcome}. Thread-safe.
 */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final OsmRuntime runtime;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    public JobRunner(OsmRuntime runtime) {
        this.runtime = runtime;
    }

    public OsmRuntime runtime() {
        return runtime;
    }

    public JobOutcome execute(String jobName, JobRequest job) {
        oneAtATime.lock();
        Instant started = Instant.now();
        try {
            LOG.info("Job {}: {} {}", jobName, job.command(), job.spec());
            JobOutcome outcome = switch (job.command()) {
                case "plan" -> plan(jobName, job, started);
                default -> failed(jobName, job, started, ExitCode.CONFIG_ERROR,
                        "command '" + job.command() + "' is not available in this version; allowed: plan", null);
            };
            LOG.info("Job {}: {} (exit code {}) {}", jobName, outcome.status(), outcome.exitCode(), outcome.message());
            return outcome;
        } catch (ConfigException | EnvironmentException | MetamodelException e) {
            LOG.warn("Job {} failed: {}", jobName, e.getMessage());
            return failed(jobName, job, started, ExitCode.CONFIG_ERROR, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("Job {} failed", jobName, e);
            return failed(jobName, job, started, ExitCode.FAULT, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } finally {
            oneAtATime.unlock();
        }
    }

    private JobOutcome plan(String jobName, JobRequest job, Instant started) {
        Plan plan = Plans.make(runtime, SpecLoader.load(Path.of(job.spec())));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entities", plan.entities().size());
        details.put("errors", plan.errors().size());
        details.put("warnings", plan.findings().stream().filter(f -> f.severity() == Severity.WARNING).count());
        details.put("plan", plan);
        ExitCode code = plan.runnable() ? ExitCode.OK : ExitCode.PLAN_BLOCKED;
        String message = plan.runnable() ? "plan is runnable: " + plan.moved().size() + " entities to move"
                : "plan has " + plan.errors().size() + " blocking errors: " + plan.errors().get(0).message();
        return new JobOutcome(jobName, job.spec(), job.command(), plan.runnable() ? "succeeded" : "blocked", code.code(),
                message, null, started, Instant.now(), details);
    }

    static JobOutcome failed(String jobName, JobRequest job, Instant started, ExitCode code, String message, String runId) {
        return new JobOutcome(jobName, job == null ? null : job.spec(), job == null ? null : job.command(), "failed",
                code.code(), message, runId, started, Instant.now(), Map.of());
    }
}

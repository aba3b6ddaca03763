package io.osmigrate.host;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a job did, written as the result file beside the job in .done/ or .failed/.
 *
 * @param status     succeeded, dead-letters, blocked or failed (or skipped: not started, the host was stopping)
 * @param exitCode   the code the same command exits with on the command line
 * @param runId      the run's id in the run history (run jobs that got as far as starting one)
 * @param reportFile the run's report.json (run jobs that got as far as writing one)
 * @param details    a summary (plan counts; a run's totals and per-entity figures)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobOutcome(String job, String spec, String command, String status, int exitCode, String message,
                         String runId, String reportFile, Instant startedAt, Instant finishedAt,
                         Map<String, Object> details) {

    /** The same outcome with its message replaced (the host adds why a job ended, e.g. a stop). */
    JobOutcome withMessage(String text) {
        return new JobOutcome(job, spec, command, status, exitCode, text, runId, reportFile, startedAt, finishedAt, details);
    }
}

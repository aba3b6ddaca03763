package io.osmigrate.host;

import java.time.Instant;
import java.util.Map;

/**
 * What a job did, written as the result file beside the job in .done/ or .failed/.
 *
 * @param status   succeeded, dead-letters, blocked or failed
 * @param exitCode the code the same command exits with on the command line
 * @param details  a summary (plan counts, run report location…)
 */
public record JobOutcome(String job, String spec, String command, String status, int exitCode, String message,
                         String runId, Instant startedAt, Instant finishedAt, Map<String, Object> details) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}

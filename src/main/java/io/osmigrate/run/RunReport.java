package io.osmigrate.run;

import java.time.Instant;
import java.util.List;

import io.osmigrate.events.SubscriptionFigures;
import io.osmigrate.events.UnrestoredEvent;
import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.pipeline.ValueCheck;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.users.UsersFigures;

/**
 * What a run did: printed at its end and written as JSON under data/runs/&lt;run id&gt;/.
 *
 * @param state    SUCCEEDED, DEAD_LETTERS, FAILED or BLOCKED (plan errors; nothing ran)
 * @param exitCode the command's exit code
 * @param users    what the users phase did, per source tenant (empty when it did not run)
 * @param subscriptions what triggers-off and events did, per event table of the destination
 * @param eventsNotRestored the destination's saved subscriptions the events phase did not put back, and why
 * @param reconciliation    the verify phase's comparison by value, per moved entity (empty when it did not run);
 *                          differences are reported, and do not change the state or the exit code
 */
public record RunReport(String runId, String spec, String source, String destination, String state, int exitCode,
                        Instant startedAt, Instant finishedAt, List<String> phases, List<EntityFigures> entities,
                        List<VerifyPhase.Check> verify, long deadLetters, String message, String reportFile,
                        List<UsersFigures> users, List<SubscriptionFigures> subscriptions,
                        List<UnrestoredEvent> eventsNotRestored, List<ValueCheck> reconciliation) {

    public RunReport {
        users = users == null ? List.of() : List.copyOf(users);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        eventsNotRestored = eventsNotRestored == null ? List.of() : List.copyOf(eventsNotRestored);
        reconciliation = reconciliation == null ? List.of() : List.copyOf(reconciliation);
    }

    /** A report without users, subscriptions and reconciliation figures. */
    public RunReport(String runId, String spec, String source, String destination, String state, int exitCode,
                     Instant startedAt, Instant finishedAt, List<String> phases, List<EntityFigures> entities,
                     List<VerifyPhase.Check> verify, long deadLetters, String message, String reportFile) {
        this(runId, spec, source, destination, state, exitCode, startedAt, finishedAt, phases, entities, verify, deadLetters,
                message, reportFile, List.of(), List.of(), List.of(), List.of());
    }

    public long orphans() {
        return verify.stream().mapToLong(VerifyPhase.Check::orphanCount).sum();
    }

    /** Whether the comparison by value found a row that differs from its source, or is missing. */
    public boolean valuesDiffer() {
        return reconciliation.stream().anyMatch(ValueCheck::differs);
    }

    RunReport withReportFile(String file) {
        return new RunReport(runId, spec, source, destination, state, exitCode, startedAt, finishedAt, phases, entities,
                verify, deadLetters, message, file, users, subscriptions, eventsNotRestored, reconciliation);
    }
}

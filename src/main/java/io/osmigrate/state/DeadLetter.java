package io.osmigrate.state;

import java.time.Instant;
import java.util.List;

/**
 * A record that could not be moved, with enough to understand and replay it.
 *
 * @param reason        what went wrong, e.g. unique-violation, data, parent-failed, static-unmatched
 * @param sourceRow     the source row as JSON (column → value; binary as base64)
 * @param mappedRow     the row as it was to be written, as JSON
 * @param resolvedByRun the run that moved the record after all (a replay); null while it is open
 * @param steps         the ids of the route steps the record went through, in order, where its entity was traced;
 *                      empty otherwise
 */
public record DeadLetter(long id, String runId, String phase, String entity, String sourceId, String reason,
                         String errorClass, String sqlState, Integer vendorCode, String message, String sourceRow,
                         String mappedRow, Instant createdAt, String resolvedByRun, List<String> steps) {

    public DeadLetter {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A new dead letter: open, not traced. */
    public DeadLetter(long id, String runId, String phase, String entity, String sourceId, String reason, String errorClass,
                      String sqlState, Integer vendorCode, String message, String sourceRow, String mappedRow,
                      Instant createdAt) {
        this(id, runId, phase, entity, sourceId, reason, errorClass, sqlState, vendorCode, message, sourceRow, mappedRow,
                createdAt, null, List.of());
    }

    /** The same dead letter with the route steps its record went through. */
    public DeadLetter withSteps(List<String> trail) {
        return new DeadLetter(id, runId, phase, entity, sourceId, reason, errorClass, sqlState, vendorCode, message, sourceRow,
                mappedRow, createdAt, resolvedByRun, trail);
    }

    /** The steps as the state store keeps them: ids separated by commas; null when there are none. */
    public String stepsText() {
        return steps.isEmpty() ? null : String.join(",", steps);
    }

    /** Steps as the state store keeps them, back into a list. */
    public static List<String> steps(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }
}

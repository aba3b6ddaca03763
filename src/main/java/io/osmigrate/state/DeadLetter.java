package io.osmigrate.state;

import java.time.Instant;

/**
 * A record that could not be moved, with enough to understand and replay it.
 *
 * @param reason        what went wrong, e.g. unique-violation, data, parent-failed, static-unmatched
 * @param sourceRow     the source row as JSON (column → value; binary as base64)
 * @param mappedRow     the row as it was to be written, as JSON
 * @param resolvedByRun the run that moved the record after all (a replay); null while it is open
 */
public record DeadLetter(long id, String runId, String phase, String entity, String sourceId, String reason,
                         String errorClass, String sqlState, Integer vendorCode, String message, String sourceRow,
                         String mappedRow, Instant createdAt, String resolvedByRun) {

    /** A new dead letter: open. */
    public DeadLetter(long id, String runId, String phase, String entity, String sourceId, String reason, String errorClass,
                      String sqlState, Integer vendorCode, String message, String sourceRow, String mappedRow,
                      Instant createdAt) {
        this(id, runId, phase, entity, sourceId, reason, errorClass, sqlState, vendorCode, message, sourceRow, mappedRow,
                createdAt, null);
    }
}

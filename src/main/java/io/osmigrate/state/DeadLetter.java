package io.osmigrate.state;

import java.time.Instant;

/**
 * A record that could not be moved, with enough to understand and replay it.
 *
 * @param reason     what went wrong, e.g. unique-violation, data, parent-failed, static-unmatched
 * @param sourceRow  the source row as JSON (column → value; binary as base64)
 * @param mappedRow  the row as it was to be written, as JSON
 */
public record DeadLetter(long id, String runId, String phase, String entity, String sourceId, String reason,
                         String errorClass, String sqlState, Integer vendorCode, String message, String sourceRow,
                         String mappedRow, Instant createdAt) {
}

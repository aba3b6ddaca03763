package io.osmigrate.pipeline;

import java.sql.SQLException;

/**
 * A source row on its way to the destination: the mapped values so far, the identifier to write when the
 * destination does not generate one, and why it cannot be written, if it cannot. Owned by one record
 * message, then by one batch; not shared between threads.
 */
final class PendingRow {

    final SourceRow source;
    final Object[] values;
    Object explicitId;
    DeadLetterReason failureReason;
    String failureMessage;
    SQLException error;

    PendingRow(SourceRow source, int slots) {
        this.source = source;
        this.values = new Object[slots];
    }

    /** Marks the row as not writable; the first reason given is the one reported. */
    void fail(DeadLetterReason reason, String message) {
        if (failureReason == null) {
            failureReason = reason;
            failureMessage = message;
        }
    }

    boolean failed() {
        return failureReason != null;
    }
}

package io.osmigrate.pipeline;

import java.sql.SQLException;

import io.osmigrate.dialect.ErrorKind;

/** A batch write failed in a way {@link RetryPolicy} retries; the batch was rolled back and may be written again. */
public final class TransientWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public TransientWriteException(String table, ErrorKind kind, SQLException cause) {
        super(table + ": " + kind + " while writing a batch (" + cause.getMessage() + "); the batch was rolled back", cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}

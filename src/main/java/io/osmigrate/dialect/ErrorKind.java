package io.osmigrate.dialect;

/** What a database error means for the pipeline: which failures are the row's fault, which are transient. */
public enum ErrorKind {
    /** A unique index or primary key rejected the row. */
    UNIQUE_VIOLATION(true),
    /** A foreign key rejected the row (its parent is missing). */
    FOREIGN_KEY_VIOLATION(true),
    /** The row's data does not fit: too long, out of range, wrong format, NOT NULL. */
    DATA(true),
    DEADLOCK(false),
    LOCK_TIMEOUT(false),
    CONNECTION(false),
    OTHER(false);

    private final boolean rowLevel;

    ErrorKind(boolean rowLevel) {
        this.rowLevel = rowLevel;
    }

    /** True when the failure belongs to particular rows, so a row-by-row rescan can isolate them. */
    public boolean isRowLevel() {
        return rowLevel;
    }
}

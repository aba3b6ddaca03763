package io.osmigrate.plan;

/** How much a plan finding matters. */
public enum Severity {
    /** Blocks the run (exit code 3). */
    ERROR,
    /** The run goes on; someone should read it. */
    WARNING,
    /** For the record. */
    INFO
}

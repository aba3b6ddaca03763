package io.osmigrate.state;

/** The state of a run in the run history. A re-run is a decision made from it, not a guess. */
public enum RunState {
    /** In progress, or its process died (then the next run of the pair marks it INTERRUPTED). */
    RUNNING,
    /** Every record moved. */
    SUCCEEDED,
    /** Finished; some records were dead-lettered. */
    DEAD_LETTERS,
    /** Aborted by a fault or a policy that says fail. */
    FAILED,
    /** Stopped early on request (SIGTERM, a host stopping) after the batches in flight; the next run resumes. */
    STOPPED,
    /** Finished, but the verification found destination rows the run cannot account for. */
    UNACCOUNTED,
    /** Its process stopped without finishing it (crash, kill); the next run resumes safely. */
    INTERRUPTED
}

package io.osmigrate.app;

/** The exit codes of every command, documented in the README. */
public enum ExitCode {
    /** Done: the plan is runnable, or every record moved. */
    OK(0),
    /** The run finished, but some records were dead-lettered. */
    DEAD_LETTERS(1),
    /** The configuration or the spec is wrong, or an environment cannot be reached. */
    CONFIG_ERROR(2),
    /** The plan has blocking errors; nothing was written. */
    PLAN_BLOCKED(3),
    /** The run was aborted by a fault (a database failure, a policy that says fail), or stopped early on request. */
    FAULT(4),
    /** The run finished, but its verification found destination rows it cannot account for. */
    UNACCOUNTED(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

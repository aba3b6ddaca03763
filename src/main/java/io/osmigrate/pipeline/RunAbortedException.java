package io.osmigrate.pipeline;

/** A policy that says fail was met, or a fault leaves no safe way on: the run stops (exit code 4). */
public class RunAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunAbortedException(String message) {
        super(message);
    }

    public RunAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}

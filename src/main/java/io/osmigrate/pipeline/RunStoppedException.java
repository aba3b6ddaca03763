package io.osmigrate.pipeline;

/** The run stopped early on request ({@link StopSignal}), between two batches: exit code 4, resumable. */
public final class RunStoppedException extends RunAbortedException {

    private static final long serialVersionUID = 1L;

    public RunStoppedException(String message) {
        super(message);
    }
}

package io.osmigrate.app;

/**
 * A job did not succeed. Thrown after its result file is written, so the file consumer moves the
 * job to .failed/; the host itself goes on.
 */
public class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String message) {
        super(message, null, false, false);
    }
}

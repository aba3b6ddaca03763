package io.osmigrate.pipeline;

/** Reading the source failed (connection lost, table changed under the run). */
public class SourceReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}

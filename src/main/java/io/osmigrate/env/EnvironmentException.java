package io.osmigrate.env;

/**
 * An environment cannot be reached or used. The message names the environment and its URL without
 * the password, and says what to check.
 */
public class EnvironmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}

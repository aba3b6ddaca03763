package io.osmigrate.state;

/** The state store failed; the run cannot go on safely. */
public class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}

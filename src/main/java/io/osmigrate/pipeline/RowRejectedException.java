package io.osmigrate.pipeline;

import io.osmigrate.state.DeadLetter;

/**
 * One record that cannot be moved, thrown in its own exchange so that the route configuration's
 * dead-letter channel takes it: the destination rejected it, or a reference it needs cannot be resolved.
 */
public final class RowRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DeadLetter deadLetter;

    public RowRejectedException(DeadLetter deadLetter) {
        super(deadLetter.entity() + " id " + deadLetter.sourceId() + ": " + deadLetter.reason() + ": " + deadLetter.message(),
                null, false, false);
        this.deadLetter = deadLetter;
    }

    public DeadLetter deadLetter() {
        return deadLetter;
    }
}

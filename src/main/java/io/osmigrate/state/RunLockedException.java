package io.osmigrate.state;

import io.osmigrate.config.ConfigException;

/**
 * A run refused because another run holds the same two environments. Exit code 2, as for every run refused to
 * protect an environment: nothing was read or written, and the message names the run that holds them.
 */
public final class RunLockedException extends ConfigException {

    private static final long serialVersionUID = 1L;

    RunLockedException(String message) {
        super(message);
    }
}

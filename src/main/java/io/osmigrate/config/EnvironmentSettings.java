package io.osmigrate.config;

import java.time.Duration;

/**
 * One named environment from the configuration. {@link #toString()} hides the password; so must
 * every message built from this.
 *
 * @param readOnly declared read-only: it may be a source, never a destination
 */
public record EnvironmentSettings(String name, String url, String username, String password, int poolSize,
                                  Duration connectTimeout, boolean readOnly) {

    /** An environment that may be written to. */
    public EnvironmentSettings(String name, String url, String username, String password, int poolSize, Duration connectTimeout) {
        this(name, url, username, password, poolSize, connectTimeout, false);
    }

    @Override
    public String toString() {
        return "environment " + name + " (" + Secrets.redactUrl(url) + ", user " + username + ")";
    }
}

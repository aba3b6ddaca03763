package io.osmigrate.config;

import java.time.Duration;

/**
 * One named environment from the configuration. {@link #toString()} hides the password; so must
 * every message built from this.
 */
public record EnvironmentSettings(String name, String url, String username, String password, int poolSize,
                                  Duration connectTimeout) {

    @Override
    public String toString() {
        return "environment " + name + " (" + Secrets.redactUrl(url) + ", user " + username + ")";
    }
}

package io.osmigrate.config;

/**
 * A configuration mistake a person must fix: a missing or bad property, a bad spec, an unknown
 * environment. The message names the file, the key and what is allowed. Never carries a credential.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

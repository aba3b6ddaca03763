package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a user in scope with no destination twin (users.unmatched). */
public enum UnmatchedUsers implements WireEnum {
    /** Create it in the destination (the default). */
    CREATE("create"),
    /** Map it to users.defaultUser. */
    DEFAULT_USER("default-user"),
    /**
     * Leave references to it empty (SQL NULL) where the attribute is optional; else dead-letter the row.
     * Written "empty": a bare {@code null} in YAML is no value at all.
     */
    EMPTY("empty"),
    /** Dead-letter every row that references it. */
    DEAD_LETTER("dead-letter");

    private final String wire;

    UnmatchedUsers(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

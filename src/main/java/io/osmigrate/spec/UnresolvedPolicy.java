package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happens to a row whose reference cannot be resolved: its parent was dead-lettered, is
 * missing from the source (an Ignore rule allows that), or has no match (Lookup, Skip, static).
 * A row is never inserted with a reference that points nowhere.
 */
public enum UnresolvedPolicy implements WireEnum {
    /** Dead-letter the row ("parent failed"). */
    DEAD_LETTER("dead-letter"),
    /**
     * Insert the row with the reference empty (SQL NULL), where the attribute is optional; else
     * dead-letter it. Written "empty": a bare {@code null} in YAML is no value at all.
     */
    EMPTY("empty"),
    /** Stop the run. */
    FAIL("fail");

    private final String wire;

    UnresolvedPolicy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

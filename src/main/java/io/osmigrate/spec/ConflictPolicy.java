package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a row that a unique index of the destination rejects. */
public enum ConflictPolicy implements WireEnum {
    /** Stop the run (exit 4). */
    FAIL("fail"),
    /** Record the row in the dead-letter store and go on (the default). */
    DEAD_LETTER("dead-letter"),
    /** Map the source row to the destination row with the same unique key; insert nothing. */
    MATCH_EXISTING("match-existing");

    private final String wire;

    ConflictPolicy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a row that a unique index of the destination rejects. */
public enum ConflictPolicy implements WireEnum {
    /** Stop the run (exit 4). */
    FAIL("fail"),
    /** Record the row in the dead-letter store and go on (the default). */
    DEAD_LETTER("dead-letter"),
    /** Map the source row to the destination row with the same unique key; insert nothing. */
    MATCH_EXISTING("match-existing"),
    /**
     * Match like {@code match-existing}, then bring the matched destination row up to date with the source's
     * values (after mapping), in the refresh step after the data phase.
     */
    UPDATE_EXISTING("update-existing");

    private final String wire;

    ConflictPolicy(String wire) {
        this.wire = wire;
    }

    /** Whether a colliding row is paired with the destination row holding its unique key. */
    public boolean matches() {
        return this == MATCH_EXISTING || this == UPDATE_EXISTING;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which BPT process instances of the process definitions in scope a run moves: every instance, only the
 * process trees whose top process is not in a terminal status, or none.
 */
public enum BptSelection implements WireEnum {
    ALL("all"), OPEN("open"), NONE("none");

    private final String wire;

    BptSelection(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

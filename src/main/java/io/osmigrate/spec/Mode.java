package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What osmigrate does with an entity: copy its rows, resolve references to existing rows, or neither. */
public enum Mode implements WireEnum {
    /** Copy the rows; new ids are recorded in the key map. */
    MOVE("move"),
    /** Never insert: match source rows to existing destination rows by the match attributes. */
    LOOKUP("lookup"),
    /** Neither: references to it become null where optional, else their rows are dead-lettered. */
    SKIP("skip");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which related rows a subset keeps beside the rows its condition selects. */
public enum Follow implements WireEnum {
    /** The parents of kept rows (always: no moved row may reference a row left out). */
    PARENTS("parents"),
    /** Also the rows of moved entities that reference a kept row of this entity (its children). */
    CHILDREN("children");

    private final String wire;

    Follow(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

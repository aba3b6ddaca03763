package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a run brings rows moved by earlier runs up to date with their source ({@code refresh:} in a spec). */
public enum RefreshMode implements WireEnum {
    /** Rows already moved are left as they are (the default): a re-run only adds what is new. */
    NONE("none"),
    /** After the data phase, every moved row whose mapped source values differ from its destination row is updated. */
    CHANGED("changed");

    private final String wire;

    RefreshMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

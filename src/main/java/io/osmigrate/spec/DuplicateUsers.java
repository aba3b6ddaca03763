package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens when several users share one tenant and match key (users.duplicates). */
public enum DuplicateUsers implements WireEnum {
    /** Pick one: the active one, then the latest LAST_LOGIN, then the lowest id (the default). */
    PICK("pick"),
    /** Block the plan, listing the duplicates. */
    FAIL("fail");

    private final String wire;

    DuplicateUsers(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

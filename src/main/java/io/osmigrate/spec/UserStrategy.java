package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How users in scope are brought into the destination (users.strategy). */
public enum UserStrategy implements WireEnum {
    /** Map to the existing destination user; an unmatched one is handled by users.unmatched (the default). */
    LOOKUP("lookup"),
    /** As lookup, and update name, email, mobile phone, external id and active flag from the source. */
    UPDATE("update"),
    /**
     * Delete the matched destination users that differ from the source and create them again (the seed
     * guide's approach); refused when destination rows the clean does not delete reference them.
     */
    RECREATE("recreate"),
    /** No user moves and none is mapped: references become null where optional, else their rows are dead-lettered. */
    SKIP("skip");

    private final String wire;

    UserStrategy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

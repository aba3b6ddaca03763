package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which source users the users phase moves (users.select). IT users of the ServiceCenter tenant never move. */
public enum UserSelection implements WireEnum {
    /** The users that moved rows reference through any attribute whose type is User (the default). */
    REFERENCED("referenced"),
    /** Every end user of the selected tenants (users.tenants; by default every end-user tenant). */
    ALL("all"),
    /** The users holding any of users.roles, directly or through a group. */
    WITH_ROLES("with-roles"),
    /** No user moves; references are still mapped to existing destination users. */
    NONE("none");

    private final String wire;

    UserSelection(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

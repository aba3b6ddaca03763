package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which role links (user roles, groups, group roles, group users) of users in scope are created (users.roleLinks). */
public enum RoleLinks implements WireEnum {
    /** Every link of the users in scope (the default). */
    ALL("all"),
    /** Only links that grant one of users.roles. */
    LISTED("listed"),
    /** None. */
    NONE("none");

    private final String wire;

    RoleLinks(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

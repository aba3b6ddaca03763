package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which attribute, besides the tenant, identifies a user in both environments (users.matchBy). */
public enum UserMatchKey implements WireEnum {
    /** USERNAME, compared case-insensitively as under SQL Server's collation (the default). */
    USERNAME("username"),
    /** EXTERNAL_ID, compared case-insensitively: the key to use when usernames are anonymised. */
    EXTERNAL_ID("external-id");

    private final String wire;

    UserMatchKey(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a source tenant with no destination tenant of the same name and user provider. */
public enum TenantPolicy implements WireEnum {
    FAIL("fail"), CREATE("create");

    private final String wire;

    TenantPolicy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

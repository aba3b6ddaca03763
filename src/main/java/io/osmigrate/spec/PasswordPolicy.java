package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether password hashes travel with created users (users.passwords). */
public enum PasswordPolicy implements WireEnum {
    /** Never copy them: new users get a value no password matches (the default). */
    KEEP_OUT("keep-out"),
    /** Copy the source hash (whether it validates in the destination depends on the platform). */
    COPY("copy");

    private final String wire;

    PasswordPolicy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

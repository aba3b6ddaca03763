package io.osmigrate.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an anonymised attribute's values are replaced; each is deterministic under one key (see the README). */
public enum AnonymizeMethod implements WireEnum {
    /** A first and last name from built-in lists. */
    NAME("name"),
    /** An address at example.com. */
    EMAIL("email"),
    /** Every digit replaced, the rest (+, spaces, dashes) kept: the same length and shape. */
    PHONE("phone"),
    /** Every letter and digit replaced by one of its kind and case, the rest kept: the same length and shape. */
    TEXT("text"),
    /** The HMAC in hexadecimal, as long as the column allows (at most 64). */
    HASH("hash"),
    /** Emptied. */
    EMPTY("empty"),
    /** A date moved by up to the given days, either way (never by none), the time of day kept. */
    DATE_SHIFT("dateShift"),
    /** A number between the given bounds. */
    NUMBER_RANGE("numberRange"),
    /** One value for every row. */
    FIXED("fixed");

    private final String wire;

    AnonymizeMethod(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}

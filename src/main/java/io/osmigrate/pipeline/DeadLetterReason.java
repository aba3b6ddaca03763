package io.osmigrate.pipeline;

import io.osmigrate.dialect.ErrorKind;

/** Why a record could not be moved: the reason a dead letter carries, as its wire word. */
public enum DeadLetterReason {
    /** A row it references was itself dead-lettered in this run (or, in a replay, stays dead-lettered). */
    PARENT_FAILED("parent-failed"),
    /** A row it references was not moved: it is not in the source. */
    PARENT_MISSING("parent-missing"),
    /** A looked-up row it references has no match in the destination. */
    LOOKUP_UNMATCHED("lookup-unmatched"),
    /** A static record it references has no active twin in the destination. */
    STATIC_UNMATCHED("static-unmatched"),
    /** Its tenant has no twin in the destination. */
    TENANT_UNMATCHED("tenant-unmatched"),
    /** A user it references has no twin in the destination. */
    USER_UNMATCHED("user-unmatched"),
    /** A BPT definition or status it references has no active twin in the destination. */
    DEFINITION_UNMATCHED("definition-unmatched"),
    /** A group it references has no twin (same tenant and name) in the destination. */
    GROUP_UNMATCHED("group-unmatched"),
    /** A mandatory reference to an entity osmigrate does not move. */
    REFERENCE_TO_SKIPPED("reference-to-skipped"),
    /** A unique index or primary key of the destination rejected it. */
    UNIQUE_VIOLATION("unique-violation"),
    /** A foreign key of the destination rejected it. */
    FOREIGN_KEY_VIOLATION("foreign-key-violation"),
    /** Its data does not fit the destination column (too long, out of range, NOT NULL). */
    DATA("data");

    private final String wire;

    DeadLetterReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The reason for a row the destination rejected, by the kind of its error (row-level kinds only). */
    public static DeadLetterReason of(ErrorKind kind) {
        return switch (kind) {
            case UNIQUE_VIOLATION -> UNIQUE_VIOLATION;
            case FOREIGN_KEY_VIOLATION -> FOREIGN_KEY_VIOLATION;
            case DATA -> DATA;
            default -> throw new IllegalArgumentException(kind + " is not the fault of one row");
        };
    }
}

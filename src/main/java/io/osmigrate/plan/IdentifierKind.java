package io.osmigrate.plan;

/** How the identifier of a moved row gets its destination value. */
public enum IdentifierKind {
    /** The destination generates it (autonumber); the write path captures the new value. */
    AUTONUMBER,
    /** Copied as is (text identifiers, non-autonumber numbers). */
    COPIED,
    /** The identifier is itself a reference (one-to-one extension entity): remapped through the target's map. */
    REFERENCE
}

package io.osmigrate.users;

/** What the users phase does with one user in scope (one source identity). */
public enum UserAction {
    /** Matched by tenant and key: references map to the destination user, nothing is written. */
    MATCH,
    /** Matched, and the destination user's name, email, mobile phone, external id and active flag are updated. */
    UPDATE,
    /** Matched, and the destination user is deleted and created again from the source, keeping its role links. */
    RECREATE,
    /** Mapped by the mapping file to a named destination user. */
    MAPPED,
    /** Unmatched: mapped to users.defaultUser. */
    DEFAULT_USER,
    /** Unmatched: created in the destination. */
    CREATE,
    /** Unmatched: references become empty (NULL) where optional, else the row is dead-lettered. */
    EMPTY,
    /** Unmatched: rows that reference it are dead-lettered. */
    DEAD_LETTER;

    /** Whether the user is the source user's own twin (matched or created), so its role links go along. */
    public boolean carriesLinks() {
        return this == MATCH || this == UPDATE || this == RECREATE || this == CREATE;
    }

    /** Whether the users phase writes the user itself. */
    public boolean writes() {
        return this == UPDATE || this == RECREATE || this == CREATE;
    }
}

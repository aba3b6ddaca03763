package io.osmigrate.dialect;

import java.util.Collections;
import java.util.Set;

/**
 * Which database a connection reaches, as the server itself tells it (never as the URL spells it). An
 * identity holds one or more marks, each naming the engine, the server and the database in one string; two
 * identities are one database when they share a mark. More than one mark lets an engine give a strong one
 * (PostgreSQL's system identifier) and a weaker one that every login can read, so that two logins with
 * different privileges still compare. Immutable.
 *
 * @param description how the database is named in messages, e.g. "PostgreSQL database 'osm' of the server
 *                    with system identifier 7714561343569365106"
 * @param marks       the strings that identify it; never empty
 */
public record DatabaseIdentity(String description, Set<String> marks) {

    public DatabaseIdentity {
        marks = Set.copyOf(marks);
        if (marks.isEmpty()) {
            throw new IllegalArgumentException("a database identity needs at least one mark");
        }
    }

    /** Whether this and the other identity are one database. */
    public boolean sameDatabaseAs(DatabaseIdentity other) {
        return !Collections.disjoint(marks, other.marks);
    }

    @Override
    public String toString() {
        return description;
    }
}

package io.osmigrate.phases;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which source rows of each moved entity a run moves: every row (a run), or only listed ones (a replay of dead
 * letters), for the inserts and for the deferred updates apart. Identifiers are as the state store keeps them
 * (text). Immutable.
 */
public final class RowSelection {

    private static final RowSelection ALL = new RowSelection(null, null);

    private final Map<String, Set<String>> inserts;
    private final Map<String, Set<String>> deferred;

    private RowSelection(Map<String, Set<String>> inserts, Map<String, Set<String>> deferred) {
        this.inserts = inserts;
        this.deferred = deferred;
    }

    /** Every row of every moved entity. */
    public static RowSelection all() {
        return ALL;
    }

    /**
     * Only the listed rows, by entity (Module.Entity).
     *
     * @param inserts  rows to insert (their deferred references are set after, too)
     * @param deferred rows already in the destination whose deferred references are to be set again
     */
    public static RowSelection only(Map<String, Set<String>> inserts, Map<String, Set<String>> deferred) {
        return new RowSelection(copy(inserts), copy(deferred));
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        Map<String, Set<String>> c = new TreeMap<>();
        m.forEach((k, v) -> c.put(k, Set.copyOf(new TreeSet<>(v))));
        return Map.copyOf(c);
    }

    /** Whether every row is moved. */
    public boolean everything() {
        return inserts == null;
    }

    /** The rows of an entity to insert: empty for every row, else the listed ones (possibly none). */
    Optional<Set<String>> inserts(String entity) {
        return everything() ? Optional.empty() : Optional.of(inserts.getOrDefault(entity, Set.of()));
    }

    /** The rows of an entity whose deferred references are set: empty for every paired row, else the listed ones. */
    Optional<Set<String>> deferred(String entity) {
        if (everything()) {
            return Optional.empty();
        }
        Set<String> ids = new TreeSet<>(inserts.getOrDefault(entity, Set.of()));
        ids.addAll(deferred.getOrDefault(entity, Set.of()));
        return Optional.of(ids);
    }

    /** How many rows are listed to insert (a restricted selection only). */
    long insertCount() {
        return everything() ? 0 : inserts.values().stream().mapToLong(Set::size).sum();
    }
}

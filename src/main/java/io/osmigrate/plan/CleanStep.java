package io.osmigrate.plan;

import java.util.List;

/**
 * One step of the clean phase, in the order they run. Nothing is deleted before the whole list is
 * known, and the plan shows it.
 *
 * @param columns    for {@link Action#NULL_DEFERRED}, the columns emptied first (so cycles of Protect
 *                   references do not block the deletes)
 * @param conditions for {@link Action#DELETE_REFERENCING}, the references that make a row go
 */
public record CleanStep(EntityRef entity, String table, String idColumn, Action action, List<String> columns,
                        List<Condition> conditions) {

    /** What a step does. */
    public enum Action {
        /** Empty the deferred reference columns of a moved entity's table. */
        NULL_DEFERRED,
        /** Delete the rows of a consumer that reference rows being deleted. */
        DELETE_REFERENCING,
        /** Delete every row of a moved entity's table. */
        DELETE_ALL,
        /** Empty the deferred reference columns of the rows osmigrate moved into a BPT instance table (its pairs). */
        NULL_DEFERRED_PAIRED,
        /**
         * Delete the rows osmigrate moved into a BPT instance table (its pairs), then forget the pairs: the
         * destination's own process instances stay.
         */
        DELETE_PAIRED
    }

    /** Rows whose {@code column} references a row of {@code parent} that the clean deletes. */
    public record Condition(String column, EntityRef parent) {
    }

    public CleanStep {
        columns = List.copyOf(columns);
        conditions = List.copyOf(conditions);
    }
}

package io.osmigrate.pipeline;

import io.osmigrate.spec.UnresolvedPolicy;

/**
 * The unresolved-reference policy, in one place: a reference that cannot be resolved is left empty where
 * its column is optional and the policy says {@code empty}; otherwise it is reported as a dead letter
 * ({@code dead-letter}); {@code fail} stops the run. The enrich and resolve steps of an insert (where a
 * dead-lettered row is not written) and the deferred updates (where the row exists already and keeps the
 * reference empty) decide through it. A table the verify phase compares writes nothing, so {@code fail} does not stop
 * the run there: the row is marked, and counted as not comparable. Stateless.
 */
final class UnresolvedReferences {

    /** What becomes of one unresolved reference. */
    enum Outcome { LEFT_EMPTY, DEAD_LETTER }

    private UnresolvedReferences() {
    }

    /**
     * Decides for one reference.
     *
     * @throws RunAbortedException the policy is {@code fail}, and the table is written
     */
    static Outcome decide(TableRun table, Object sourceId, boolean optional, UnresolvedPolicy policy, String message) {
        if (policy == UnresolvedPolicy.FAIL && table.plan().phase() != Phase.VERIFY) {
            throw new RunAbortedException(table.plan().name() + " id " + sourceId + ": " + message + " (policy: fail)");
        }
        return policy == UnresolvedPolicy.EMPTY && optional ? Outcome.LEFT_EMPTY : Outcome.DEAD_LETTER;
    }

    /** Applies the policy to one reference of a row to insert: emptied, or the row marked for the dead-letter channel. */
    static void apply(TableRun table, PendingRow row, int slot, UnresolvedPolicy policy, DeadLetterReason reason,
                      String message) {
        row.values[slot] = null;
        boolean optional = !table.plan().slots().get(slot).mandatory();
        if (decide(table, row.source.id(), optional, policy, message) == Outcome.LEFT_EMPTY) {
            table.stats().addNulled(1);
        } else {
            row.fail(reason, message);
        }
    }
}

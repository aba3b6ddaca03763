package io.osmigrate.pipeline;

import java.util.List;

import io.osmigrate.dialect.InsertTarget;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.KeptIds;
import io.osmigrate.plan.MatchColumn;
import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.spec.UnresolvedPolicy;

/**
 * A planned table as the table pipeline moves it: where its rows are read, which columns they fill and
 * how, where they go, and the policies that apply. Any table is described this way: an application
 * entity, a BPT instance table. Immutable.
 *
 * @param name       the table's name for people and route ids, e.g. "OrdersCore.Order"
 * @param entity     what the key map calls it (espace and entity SS_Keys)
 * @param scope      the key-map scope of this table's own pairs (moved rows) or matches (looked-up rows)
 * @param read       the ordered, streamed source read; {@link Slot#sourceIndex()} indexes its columns
 * @param slots      the destination columns, in the order of {@link #target()}'s columns
 * @param target     where an insert writes (the identifier column included), or an update's table and key
 * @param identifier how a row's destination identifier comes to be
 * @param match      columns that identify a row in both environments (a lookup's match, match-existing's key)
 * @param rows       rows the source held when the plan was made (for progress)
 * @param keep       the source rows a subset keeps; null: every row is read
 */
public record TablePlan(String name, Phase phase, EntityRef entity, int scope, TableRead read, List<Slot> slots,
                        InsertTarget target, TableIdentifier identifier, List<MatchColumn> match, int batchSize,
                        UnresolvedPolicy unresolved, ConflictPolicy onConflict, long rows, KeptIds keep) {

    public TablePlan {
        slots = List.copyOf(slots);
        match = List.copyOf(match);
    }

    /** A table whose every source row is read. */
    public TablePlan(String name, Phase phase, EntityRef entity, int scope, TableRead read, List<Slot> slots,
                     InsertTarget target, TableIdentifier identifier, List<MatchColumn> match, int batchSize,
                     UnresolvedPolicy unresolved, ConflictPolicy onConflict, long rows) {
        this(name, phase, entity, scope, read, slots, target, identifier, match, batchSize, unresolved, onConflict, rows, null);
    }

    /** The same table, reading only the source rows with these identifiers (as the state store keeps them). */
    public TablePlan restrictedTo(java.util.Collection<String> sourceIds) {
        TableRead only = read.restrictedTo(sourceIds);
        return new TablePlan(name, phase, entity, scope, only, slots, target, identifier, match, batchSize, unresolved,
                onConflict, only.only().size(), keep);
    }
}

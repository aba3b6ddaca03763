package io.osmigrate.plan;

import java.util.List;
import java.util.Optional;

import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.spec.Mode;
import io.osmigrate.spec.UnresolvedPolicy;

/**
 * One entity of a plan, with everything the data phase needs: its tables as each catalog spells
 * them, its columns and their roles, and its settings. Immutable.
 *
 * @param order      1-based load order of a moved entity; 0 for lookups and skips
 * @param cycleGroup moved entities of one strongly connected component share a group; deferred
 *                   references of a group are set once its last entity is loaded
 * @param columns    the destination columns written on insert (the identifier is not among them)
 * @param match      attributes that identify a row in both environments (Lookup, match-existing)
 */
public record PlannedEntity(int order, EntityRef entity, Mode mode, String sourceTable, String destinationTable,
                            long sourceRows, long destinationRows, Identifier identifier, List<ColumnPlan> columns,
                            List<MatchColumn> match, int cycleGroup, int batchSize, ConflictPolicy onConflict,
                            UnresolvedPolicy unresolvedReference) {

    public PlannedEntity {
        columns = List.copyOf(columns);
        match = List.copyOf(match);
    }

    public List<ColumnPlan> deferredColumns() {
        return columns.stream().filter(ColumnPlan::deferred).toList();
    }

    public Optional<ColumnPlan> column(String attribute) {
        return columns.stream().filter(c -> c.attribute().equalsIgnoreCase(attribute)).findFirst();
    }

    PlannedEntity withOrder(int newOrder, int newGroup, List<ColumnPlan> newColumns) {
        return new PlannedEntity(newOrder, entity, mode, sourceTable, destinationTable, sourceRows, destinationRows,
                identifier, newColumns, match, newGroup, batchSize, onConflict, unresolvedReference);
    }
}

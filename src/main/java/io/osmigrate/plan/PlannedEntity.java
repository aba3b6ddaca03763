package io.osmigrate.plan;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.spec.Mode;
import io.osmigrate.spec.UnresolvedPolicy;

/**
 * One entity of a plan, with everything the data phase needs: its tables as each catalog spells
 * them, its columns and their roles, and its settings. Immutable.
 *
 * @param order      1-based load order of a moved entity; 0 for lookups (resolved before the first moved
 *                   entity, see {@link #step()}) and skips
 * @param cycleGroup moved entities of one strongly connected component share a group; deferred
 *                   references of a group are set once its last entity is loaded
 * @param columns    the destination columns written on insert (the identifier is not among them)
 * @param match      attributes that identify a row in both environments (Lookup, match-existing)
 * @param sourceFilter the condition (source SQL) that selects the rows to move, or null for every row: the BPT
 *                   instance tables move only the instances the spec chooses
 */
public record PlannedEntity(int order, EntityRef entity, Mode mode, String sourceTable, String destinationTable,
                            long sourceRows, long destinationRows, Identifier identifier, List<ColumnPlan> columns,
                            List<MatchColumn> match, int cycleGroup, int batchSize, ConflictPolicy onConflict,
                            UnresolvedPolicy unresolvedReference, String sourceFilter) {

    public PlannedEntity {
        columns = List.copyOf(columns);
        match = List.copyOf(match);
    }

    /**
     * When the data phase handles this entity, written to the plan's JSON as {@code step}:
     * {@code resolve-first} for a lookup (its pairs are built before any row of the plan is moved),
     * {@code load} for a moved entity (at its {@link #order()}), {@code none} for a skipped one.
     */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String step() {
        return switch (mode) {
            case LOOKUP -> "resolve-first";
            case MOVE -> "load";
            case SKIP -> "none";
        };
    }

    public List<ColumnPlan> deferredColumns() {
        return columns.stream().filter(ColumnPlan::deferred).toList();
    }

    public Optional<ColumnPlan> column(String attribute) {
        return columns.stream().filter(c -> c.attribute().equalsIgnoreCase(attribute)).findFirst();
    }

    PlannedEntity withOrder(int newOrder, int newGroup, List<ColumnPlan> newColumns) {
        return new PlannedEntity(newOrder, entity, mode, sourceTable, destinationTable, sourceRows, destinationRows,
                identifier, newColumns, match, newGroup, batchSize, onConflict, unresolvedReference, sourceFilter);
    }
}

package io.osmigrate.plan;

import java.util.List;

/**
 * A static entity referenced by the scope: its records are mapped by SS_Key, never written.
 *
 * @param destinationIdColumn the identifier column of the destination static table (metamodel spelling)
 * @param matched   source records with an active destination record of the same SS_Key
 * @param unmatched names of active source records with no active destination record
 */
public record StaticPlan(EntityRef entity, String sourceTable, String destinationTable, String destinationIdColumn,
                         int matched, List<String> unmatched) {
}

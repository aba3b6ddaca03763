package io.osmigrate.plan;

import java.util.List;

import io.osmigrate.spec.BptSelection;

/**
 * What the bpt phase maps and which BPT process instances move. Definitions, statuses, roles, tenants and
 * groups are mapped, never written; the instance tables are planned tables of the plan's one load order, each
 * with the condition that selects its rows ({@link PlannedEntity#sourceFilter()}). Immutable.
 *
 * @param instances   the spec's choice: all instances, open ones only, none
 * @param processes   the process definitions in scope whose instances move, as Module.Process
 * @param definitions per definition table, how many of the scope's definitions have a twin in the destination
 * @param tables      the instance tables planned (empty when none move), in the plan's entities
 * @param user        the source's User entity (a value text of its type holds a user id), or null
 * @param tenant      the source's Tenant entity, or null
 */
public record BptPlan(BptSelection instances, List<String> processes, List<DefinitionMatch> definitions,
                      List<EntityRef> tables, EntityRef user, EntityRef tenant) {

    /**
     * @param inScope   definitions of the scope's process definitions in the source (all statuses for status tables)
     * @param unmatched those with no active twin in the destination, by name
     */
    public record DefinitionMatch(String table, int inScope, int matched, List<String> unmatched) {

        public DefinitionMatch {
            unmatched = List.copyOf(unmatched);
        }
    }

    public BptPlan {
        processes = List.copyOf(processes);
        definitions = List.copyOf(definitions);
        tables = List.copyOf(tables);
    }

    /** Whether the entity is one of the BPT instance tables this plan moves. */
    public boolean moves(EntityRef entity) {
        return tables.contains(entity);
    }
}

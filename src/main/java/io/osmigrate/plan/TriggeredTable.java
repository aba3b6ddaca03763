package io.osmigrate.plan;

/**
 * A BPT event table (OSEVT_*) of the destination whose rows the triggers-off phase saves in the state store
 * and deletes before any row is written to its entity's table, so the platform's trigger on that table finds
 * no subscription and queues no event. The events phase puts the rows back.
 *
 * @param entity     the entity whose table the run writes (the destination's twin of a moved entity, or a
 *                   system entity the users phase writes)
 * @param eventTable the OSEVT_* table as the destination's catalog spells it
 * @param rows       its rows when the plan was made
 * @param writtenBy  the phase that writes the entity's table: {@code data} or {@code users}
 */
public record TriggeredTable(EntityRef entity, String eventTable, long rows, String writtenBy) {
}

package io.osmigrate.plan;

import java.util.Map;

/**
 * How many rows a subset keeps of one moved entity, and why.
 *
 * @param sourceRows rows the source table holds
 * @param kept       distinct source identifiers kept (a dangling reference of a kept row counts too: it is kept,
 *                   though no row has it)
 * @param why        rows by the reason they were first kept: {@code selected} (the entity's condition or sample, or
 *                   every row of an entity without one), {@code parent of <Module.Entity>}, {@code child of <Module.Entity>}
 */
public record SubsetLine(EntityRef entity, long sourceRows, long kept, String where, Integer sample, boolean followsChildren,
                         Map<String, Long> why) {

    public SubsetLine {
        why = Map.copyOf(why);
    }
}

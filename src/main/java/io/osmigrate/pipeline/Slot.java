package io.osmigrate.pipeline;

import java.util.Map;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.ColumnPlan;

/**
 * One destination column of an entity's insert, compiled for the pipeline.
 *
 * @param sourceIndex index of the value in the source row, or -1 (default fill, deferred reference)
 * @param destination the destination column as its catalog reports it
 * @param targetScope key-map scope of the referenced entity, for references resolved through the key map
 * @param fill        the value of a default fill, typed for the destination column
 * @param statics     for a static reference: {@link StaticMap#compiled} of its static entity; else null
 */
record Slot(ColumnPlan column, int sourceIndex, ColumnInfo destination, Integer targetScope, Object fill,
            Map<Object, Object> statics) {

    ValueKind kind() {
        return ValueKind.of(destination.jdbcType());
    }
}

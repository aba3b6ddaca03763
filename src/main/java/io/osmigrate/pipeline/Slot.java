package io.osmigrate.pipeline;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.ValueKind;

/**
 * One destination column of a planned table and where its value comes from.
 *
 * @param attribute   the column's name for people (an attribute, or a platform column)
 * @param destination the destination column as its catalog reports it
 * @param sourceIndex index of the value in the source row, or -1 when nothing is read for it
 * @param source      how the source value becomes the destination value
 * @param mandatory   the column may not be left empty
 */
public record Slot(String attribute, ColumnInfo destination, int sourceIndex, SlotSource source, boolean mandatory) {

    public ValueKind kind() {
        return ValueKind.of(destination.jdbcType());
    }
}

package io.osmigrate.pipeline;

import java.util.List;

import io.osmigrate.dialect.ValueKind;

/**
 * A streamed, ordered read of selected columns of a source table, by physical name.
 *
 * @param idColumn the identifier column; rows come in its order
 * @param columns  the other columns, in the order their values appear in {@link SourceRow#values()}
 * @param kinds    how each of those columns is read
 */
public record TableRead(String table, String idColumn, ValueKind idKind, List<String> columns, List<ValueKind> kinds) {

    public TableRead {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
    }
}

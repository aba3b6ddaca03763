package io.osmigrate.dialect;

import java.util.List;

/**
 * A destination table to insert into, as its catalog spells it.
 *
 * @param generatedId true when the destination generates the identifier (autonumber) and the write
 *                    path must capture it; false when rows carry their identifier
 * @param columns     the columns written besides the identifier, in the order of {@link InsertRow#values()}
 */
public record InsertTarget(String table, ColumnInfo idColumn, boolean generatedId, List<ColumnInfo> columns) {

    public InsertTarget {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }

    public ValueKind kind(int column) {
        return ValueKind.of(columns.get(column).jdbcType());
    }
}

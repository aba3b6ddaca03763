package io.osmigrate.pipeline;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.osmigrate.dialect.ValueKind;

/**
 * A streamed, ordered read of selected columns of a source table, by physical name: the whole table, or only the
 * rows whose identifiers are listed (a replay of dead letters; a top-up of known rows).
 *
 * @param idColumn the identifier column; rows come in its order
 * @param columns  the other columns, in the order their values appear in {@link SourceRow#values()}
 * @param kinds    how each of those columns is read
 * @param only     the identifiers of the rows to read, ascending (Long, or text for a text identifier); null: every row
 * @param filter   a condition in the source's SQL selecting the rows to read (with {@code only}, both apply), or null
 */
public record TableRead(String table, String idColumn, ValueKind idKind, List<String> columns, List<ValueKind> kinds,
                        List<Object> only, String filter) {

    public TableRead {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
        only = only == null ? null : List.copyOf(only);
    }

    /** A read of the whole table. */
    public TableRead(String table, String idColumn, ValueKind idKind, List<String> columns, List<ValueKind> kinds) {
        this(table, idColumn, idKind, columns, kinds, null, null);
    }

    /** A read of the rows a condition selects (the BPT instances a spec chooses). */
    public TableRead(String table, String idColumn, ValueKind idKind, List<String> columns, List<ValueKind> kinds,
                     String filter) {
        this(table, idColumn, idKind, columns, kinds, null, filter);
    }

    /**
     * The same read restricted to the rows with these identifiers, as the state store keeps them (text): numbers
     * for a numeric identifier column. A text that is not a number for a numeric column is an
     * {@link IllegalArgumentException} naming it.
     */
    public TableRead restrictedTo(Collection<String> sourceIds) {
        List<Object> ids = sourceIds.stream().distinct().map(this::sourceId)
                .sorted(numeric() ? Comparator.comparing(o -> (Long) o) : Comparator.comparing(o -> (String) o)).toList();
        return new TableRead(table, idColumn, idKind, columns, kinds, ids, filter);
    }

    /**
     * A source identifier as the state store keeps it (text), as the pipeline and the key map carry it: a Long for a
     * numeric identifier column, else the text.
     */
    public Object sourceId(String text) {
        return numeric() ? number(text) : text;
    }

    private boolean numeric() {
        return idKind == ValueKind.LONG || idKind == ValueKind.INTEGER || idKind == ValueKind.DECIMAL;
    }

    /** Whether only listed rows are read. */
    public boolean restricted() {
        return only != null;
    }

    private Object number(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + id + "' is not an identifier of " + table + " (its " + idColumn
                    + " is numeric)", e);
        }
    }
}

package io.osmigrate.events;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.ValueKind;

/**
 * One OSEVT_* row as the state store keeps it: every column, in the table's order, with the kind of its value
 * and the value as text, so that it goes back into the table exactly as it was. Its JSON form is canonical:
 * two equal rows give the same text, which is how saved rows and rows in the destination are compared (an
 * OSEVT_* table has no key). Immutable.
 */
final class EventRow {

    /** One column: its name as the catalog spells it, the kind of its value, the value as text (null for SQL NULL). */
    record Cell(String column, ValueKind kind, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> CELLS = new TypeReference<>() { };

    private final List<Cell> cells;

    private EventRow(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /** A row of the given cells (a source subscription remapped for the destination). */
    static EventRow of(List<Cell> cells) {
        return new EventRow(cells);
    }

    /** The current row of {@code rs}, whose columns are {@code columns} in that order. */
    static EventRow read(ResultSet rs, List<ColumnInfo> columns) throws SQLException {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ValueKind kind = ValueKind.of(columns.get(i).jdbcType());
            cells.add(new Cell(columns.get(i).name(), kind, text(kind, kind.read(rs, i + 1))));
        }
        return new EventRow(cells);
    }

    /** A row from its JSON form; {@code where} names it in the error a damaged text gives. */
    static EventRow parse(String json, String where) {
        try {
            List<Cell> cells = new ArrayList<>();
            for (Map<String, String> c : JSON.readValue(json, CELLS)) {
                cells.add(new Cell(c.get("column"), ValueKind.valueOf(c.get("kind")), c.get("value")));
            }
            return new EventRow(cells);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("the saved subscription " + where + " in the state store cannot be read back; it is"
                    + " kept there as it is", e);
        }
    }

    String json() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("column", c.column());
            m.put("kind", c.kind().name());
            m.put("value", c.text());
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event row as JSON", e);
        }
    }

    List<Cell> cells() {
        return cells;
    }

    /** The column names, upper case: what a saved row and a destination row are compared on. */
    List<String> columnKeys() {
        return cells.stream().map(c -> key(c.column())).toList();
    }

    /** This row restricted to the given columns (upper case), in that order; null when it lacks one of them. */
    EventRow project(List<String> columnKeys) {
        List<Cell> kept = new ArrayList<>();
        for (String k : columnKeys) {
            Cell found = cells.stream().filter(c -> key(c.column()).equals(k)).findFirst().orElse(null);
            if (found == null) {
                return null;
            }
            kept.add(found);
        }
        return new EventRow(kept);
    }

    /** The whole-number value of a column (e.g. _ACTIVITY_ID); null when empty, absent, or 0 (BPT's "none"). */
    Long id(String column) {
        for (Cell c : cells) {
            if (key(c.column()).equals(key(column)) && c.text() != null) {
                long v = new BigDecimal(c.text()).longValueExact();
                return v == 0 ? null : v;
            }
        }
        return null;
    }

    /** The value of a cell as the Java type its kind carries, ready to bind. */
    static Object value(Cell c) {
        String t = c.text();
        if (t == null) {
            return null;
        }
        return switch (c.kind()) {
            case TEXT -> t;
            case INTEGER -> Integer.valueOf(t);
            case LONG -> Long.valueOf(t);
            case DECIMAL -> new BigDecimal(t);
            case DOUBLE -> Double.valueOf(t);
            case BOOLEAN -> Boolean.valueOf(t);
            case DATE -> LocalDate.parse(t);
            case TIME -> LocalTime.parse(t);
            case TIMESTAMP -> LocalDateTime.parse(t);
            case BINARY -> Base64.getDecoder().decode(t);
        };
    }

    private static String text(ValueKind kind, Object v) {
        if (v == null) {
            return null;
        }
        return switch (kind) {
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) v);
            case DECIMAL -> ((BigDecimal) v).toPlainString();
            default -> v.toString();
        };
    }

    static String key(String column) {
        return column.toUpperCase(Locale.ROOT);
    }
}

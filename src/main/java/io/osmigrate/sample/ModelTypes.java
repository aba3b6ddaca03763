package io.osmigrate.sample;

import java.util.List;
import java.util.Locale;

/**
 * The value types of the generator's model of the sample solution: one {@link Entity} per OSSYS_ENTITY row,
 * one {@link Attribute} per OSSYS_ENTITY_ATTR row, one {@link StaticRecord} per OSSYS_ENTITY_RECORD row.
 * DDL, metamodel rows and data writers all read the same objects, so the three cannot disagree.
 */
final class ModelTypes {

    private ModelTypes() {
    }

    /** Physical column kinds; each engine maps them to its own types in {@link ApplicationDdl}. */
    enum ColumnKind { INT, BIGINT, TEXT, LONG_TEXT, DECIMAL, BOOLEAN, DATE, TIME, DATETIME, BINARY }

    /**
     * One attribute. For references {@code refModule}/{@code refEntity} name the target, and kind and length
     * are those of the target's identifier (an FK column has the type of the key it points at).
     */
    record Attribute(String name, String ssKey, String type, String column, ColumnKind kind, int length, int decimals,
                     boolean mandatory, boolean autonumber, String deleteRule, String defaultValue, boolean active,
                     String refModule, String refEntity, String columnDefault) {

        boolean isReference() {
            return refModule != null;
        }
    }

    /** One static record: its DATA_ID differs per environment; {@code physical} says whether the row exists. */
    record StaticRecord(String name, String ssKey, int dataId, boolean active, boolean physical, int order) {
    }

    /**
     * One entity; {@code table} is PHYSICAL_TABLE_NAME exactly as the metamodel stores it (mixed case). A BPT-triggered
     * entity has an {@code eventTable} (OSEVT_*), whose columns after the platform's own are the identifier's and
     * those of the attributes named in {@code eventAttributes}.
     */
    record Entity(String module, String name, String ssKey, String table, boolean isStatic, boolean system,
                  boolean active, boolean multitenant, String eventTable, List<String> eventAttributes,
                  List<Attribute> attributes, List<StaticRecord> records) {

        Attribute identifier() {
            return attributes.get(0);
        }

        Attribute attribute(String attributeName) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    return a;
                }
            }
            throw new IllegalStateException(module + "." + name + " has no attribute " + attributeName);
        }

        /** Physical columns (quoted where reserved) of the named attributes, or TENANT_ID, in that order. */
        List<String> columns(Engine engine, String... attributeNames) {
            String[] columns = new String[attributeNames.length];
            for (int i = 0; i < columns.length; i++) {
                String n = attributeNames[i];
                columns[i] = multitenant && n.equals("TENANT_ID") ? n : engine.column(attribute(n).column());
            }
            return List.of(columns);
        }

        StaticRecord record(String recordName) {
            for (StaticRecord r : records) {
                if (r.name().equals(recordName)) {
                    return r;
                }
            }
            throw new IllegalStateException(module + "." + name + " has no record " + recordName);
        }

        /** The physical table name as the SQL text uses it: unquoted, so the engine folds its case. */
        String sqlTable() {
            return table;
        }

        String upperTable() {
            return table.toUpperCase(Locale.ROOT);
        }
    }
}

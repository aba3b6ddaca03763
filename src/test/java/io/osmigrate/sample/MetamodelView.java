package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately small, independent reader of a generated environment's metamodel for the tests: it follows
 * the environment contract (active rows only, SS_Keys compared case-insensitively, flags read as 0/1), so a
 * test that passes through it shows the data is reachable the way osmigrate's reader will reach it.
 */
final class MetamodelView {

    record Entity(int id, String name, String table, String ssKey, String espaceKey, boolean active) {
    }

    record Attribute(String entity, String name, String ssKey, String type, String column, int length,
                     boolean mandatory, boolean autonumber, String deleteRule, String defaultValue, boolean active) {

        boolean isReference() {
            return type.startsWith("bt");
        }
    }

    private final Connection c;

    MetamodelView(Connection c) {
        this.c = c;
    }

    /** The active entity {@code name} of the active module {@code module}. */
    Entity entity(String module, String name) throws SQLException {
        List<Entity> found = entities("s.NAME = ? AND e.NAME = ? AND s.IS_ACTIVE = 1 AND e.IS_ACTIVE = 1", module, name);
        if (found.size() != 1) {
            throw new AssertionError("expected one active " + module + "." + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /** All entity rows of a module, active or not. */
    List<Entity> allEntities(String module, String name) throws SQLException {
        return entities("s.NAME = ? AND e.NAME = ?", module, name);
    }

    /** The active entity a reference TYPE points at: bt + espace SS_Key + * + entity SS_Key. */
    Entity target(String type) throws SQLException {
        if (type.length() != 75 || !type.startsWith("bt") || type.charAt(38) != '*') {
            throw new AssertionError("not a reference type: " + type);
        }
        List<Entity> found = entities("LOWER(s.SS_KEY) = ? AND LOWER(e.SS_KEY) = ? AND s.IS_ACTIVE = 1 AND e.IS_ACTIVE = 1",
                type.substring(2, 38).toLowerCase(Locale.ROOT), type.substring(39).toLowerCase(Locale.ROOT));
        if (found.size() != 1) {
            throw new AssertionError("reference type " + type + " resolves to " + found.size() + " active entities");
        }
        return found.get(0);
    }

    /** Every attribute row of an entity row, active or not. */
    List<Attribute> attributes(Entity e) throws SQLException {
        List<Attribute> result = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT NAME, SS_KEY, TYPE, DATABASE_NAME, LENGTH, IS_MANDATORY,"
                + " IS_AUTONUMBER, DELETE_RULE, DEFAULT_VALUE, IS_ACTIVE FROM OSSYS_ENTITY_ATTR WHERE ENTITY_ID = ? ORDER BY ID")) {
            p.setInt(1, e.id());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(new Attribute(e.name(), rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6) == 1, rs.getInt(7) == 1, rs.getString(8), rs.getString(9),
                            rs.getInt(10) == 1));
                }
            }
        }
        return result;
    }

    Attribute attribute(String module, String entity, String name) throws SQLException {
        Attribute found = null;
        for (Attribute a : attributes(entity(module, entity))) {
            if (a.name().equals(name)) {
                if (found != null) {
                    throw new AssertionError("two attributes " + name);
                }
                found = a;
            }
        }
        return found;
    }

    /** The identifier column of an entity: the attribute whose SS_Key is PRIMARYKEY_SS_KEY. */
    String identifierColumn(Entity e) throws SQLException {
        return Sql.string(c, "SELECT a.DATABASE_NAME FROM OSSYS_ENTITY_ATTR a JOIN OSSYS_ENTITY e ON e.ID = a.ENTITY_ID"
                + " WHERE e.ID = ? AND LOWER(a.SS_KEY) = LOWER(e.PRIMARYKEY_SS_KEY) AND a.IS_ACTIVE = 1", e.id());
    }

    /** Active application entities (OSUSR tables) of the non-system modules. */
    List<Entity> applicationEntities() throws SQLException {
        return entities("s.IS_ACTIVE = 1 AND e.IS_ACTIVE = 1 AND s.IS_SYSTEM = 0");
    }

    /** DATA_ID and IS_ACTIVE of a static record, or null when the environment has no such record. */
    Object[] record(String module, String entity, String recordKey) throws SQLException {
        List<Object[]> rows = Sql.rows(c, "SELECT r.DATA_ID, r.IS_ACTIVE FROM OSSYS_ENTITY_RECORD r"
                + " JOIN OSSYS_ESPACE s ON s.ID = r.ESPACE_ID WHERE s.NAME = ? AND s.IS_ACTIVE = 1"
                + " AND LOWER(r.ENTITY_SS_KEY) = ? AND LOWER(r.SS_KEY) = ?", module,
                SampleSolution.entitySsKey(module, entity), recordKey);
        if (rows.size() > 1) {
            throw new AssertionError("two records " + recordKey);
        }
        return rows.isEmpty() ? null : new Object[] {rows.get(0)[0], ((Number) toInt(rows.get(0)[1])).intValue() == 1};
    }

    private static Object toInt(Object flag) {
        return flag instanceof Boolean ? ((Boolean) flag ? 1 : 0) : flag;
    }

    private List<Entity> entities(String where, Object... args) throws SQLException {
        List<Entity> result = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT e.ID, e.NAME, e.PHYSICAL_TABLE_NAME, e.SS_KEY, s.SS_KEY,"
                + " e.IS_ACTIVE FROM OSSYS_ENTITY e JOIN OSSYS_ESPACE s ON s.ID = e.ESPACE_ID WHERE " + where + " ORDER BY e.ID")) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(new Entity(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6) == 1));
                }
            }
        }
        return result;
    }
}

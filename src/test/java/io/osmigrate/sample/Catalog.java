package io.osmigrate.sample;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the database catalog says about a table, looked up case-insensitively as osmigrate must. */
final class Catalog {

    record Column(String name, int size, String defaultValue) {
    }

    private Catalog() {
    }

    /** Columns by upper-case name; empty when the table does not exist. */
    static Map<String, Column> columns(Connection c, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(null, null, name, null)) {
                while (rs.next()) {
                    columns.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), new Column(rs.getString("COLUMN_NAME"),
                            rs.getInt("COLUMN_SIZE"), rs.getString("COLUMN_DEF")));
                }
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        return columns;
    }

    /** Foreign keys of a table: upper-case FK column → JDBC delete rule. */
    static Map<String, Integer> foreignKeys(Connection c, String table) throws SQLException {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (String name : new String[] {table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, name)) {
                while (rs.next()) {
                    keys.put(rs.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT), rs.getInt("DELETE_RULE"));
                }
            }
        }
        return keys;
    }
}

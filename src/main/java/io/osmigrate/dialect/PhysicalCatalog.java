package io.osmigrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The tables and columns of one database schema, looked up case-insensitively. The OutSystems
 * metamodel spells physical names in mixed or upper case, while a PostgreSQL stand-in holds them in
 * lower case: every physical name osmigrate uses is resolved here to the catalog's own spelling.
 *
 * <p>Thread-safe. Column lists are read on first use and kept; the catalog is a snapshot taken when
 * a plan is made.
 */
public final class PhysicalCatalog {

    private final DataSource dataSource;
    private final String catalog;
    private final String schema;
    private final Map<String, String> tables;
    private final Map<String, Map<String, ColumnInfo>> columns = new ConcurrentHashMap<>();

    private PhysicalCatalog(DataSource dataSource, String catalog, String schema, Map<String, String> tables) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.schema = schema;
        this.tables = tables;
    }

    /** Reads the table names of the connection's current schema. */
    public static PhysicalCatalog read(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String catalog = c.getCatalog();
            String schema = c.getSchema();
            Map<String, String> tables = new HashMap<>();
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    tables.putIfAbsent(key(name), name);
                }
            }
            return new PhysicalCatalog(dataSource, catalog, schema, tables);
        }
    }

    /**
     * A catalog of the given tables and columns, for planning without a database (tests, tools).
     * Every column reads as a nullable VARCHAR.
     */
    public static PhysicalCatalog fixed(Map<String, java.util.List<String>> tableColumns) {
        Map<String, String> tables = new HashMap<>();
        PhysicalCatalog catalog = new PhysicalCatalog(null, null, "PUBLIC", tables);
        tableColumns.forEach((table, cols) -> {
            tables.put(key(table), table);
            Map<String, ColumnInfo> columns = new LinkedHashMap<>();
            cols.forEach(c -> columns.put(key(c), new ColumnInfo(c, java.sql.Types.VARCHAR, "VARCHAR", 100, 0, true, false, null)));
            catalog.columns.put(table, columns);
        });
        return catalog;
    }

    /** The table's name as the catalog spells it, if such a table exists. */
    public Optional<String> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    /** The columns of a table (by upper-case name), in catalog order; empty if the table is unknown. */
    public Map<String, ColumnInfo> columns(String tableName) {
        Optional<String> actual = table(tableName);
        if (actual.isEmpty()) {
            return Map.of();
        }
        return columns.computeIfAbsent(actual.get(), this::loadColumns);
    }

    public Optional<ColumnInfo> column(String tableName, String columnName) {
        return Optional.ofNullable(columns(tableName).get(key(columnName)));
    }

    /**
     * The unique indexes of a table, each as its column names in index order. Read on each call:
     * only the match-existing policy needs it, once per table.
     */
    public java.util.List<java.util.List<String>> uniqueIndexes(String tableName) {
        Optional<String> actual = table(tableName);
        if (actual.isEmpty() || dataSource == null) {
            return java.util.List.of();
        }
        Map<String, java.util.TreeMap<Short, String>> byIndex = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(catalog, schema, actual.get(), true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
                    byIndex.computeIfAbsent(index, k -> new java.util.TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the indexes of table " + actual.get() + ": " + e.getMessage(), e);
        }
        return byIndex.values().stream().map(m -> java.util.List.copyOf(m.values())).toList();
    }

    private Map<String, ColumnInfo> loadColumns(String actualTable) {
        Map<String, ColumnInfo> result = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getColumns(catalog, schema, actualTable, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                result.putIfAbsent(key(name), new ColumnInfo(name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")), rs.getString("COLUMN_DEF")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the columns of table " + actualTable + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}

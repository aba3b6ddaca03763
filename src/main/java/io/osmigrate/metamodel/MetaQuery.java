package io.osmigrate.metamodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.env.Environment;

/**
 * Reads a metamodel table by column name. Real tables have more columns than osmigrate needs and
 * may spell names in any case: columns are resolved against the catalog, required ones must exist,
 * optional ones read as null where absent.
 */
public final class MetaQuery {

    private final Environment env;

    public MetaQuery(Environment env) {
        this.env = env;
    }

    public List<MetaRow> select(String table, List<String> required, List<String> optional) {
        String actualTable = env.catalog().table(table).orElseThrow(() -> new MetamodelException(
                "environment '" + env.name() + "' has no table " + table + ": is this an OutSystems platform database?"));
        Map<String, ColumnInfo> columns = env.catalog().columns(table);
        List<String> selected = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String col : required) {
            ColumnInfo info = columns.get(col.toUpperCase(Locale.ROOT));
            if (info == null) {
                throw new MetamodelException("environment '" + env.name() + "': table " + actualTable + " has no column " + col);
            }
            selected.add(env.dialect().quote(info.name()));
            labels.add(col.toUpperCase(Locale.ROOT));
        }
        for (String col : optional) {
            ColumnInfo info = columns.get(col.toUpperCase(Locale.ROOT));
            if (info != null) {
                selected.add(env.dialect().quote(info.name()));
                labels.add(col.toUpperCase(Locale.ROOT));
            }
        }
        String sql = "SELECT " + String.join(", ", selected) + " FROM " + env.dialect().quote(actualTable);
        List<MetaRow> rows = new ArrayList<>();
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> values = new HashMap<>();
                for (int i = 0; i < labels.size(); i++) {
                    values.put(labels.get(i), rs.getObject(i + 1));
                }
                rows.add(new MetaRow(values));
            }
        } catch (SQLException e) {
            throw new MetamodelException("environment '" + env.name() + "': cannot read " + actualTable + ": " + e.getMessage(), e);
        }
        return rows;
    }
}

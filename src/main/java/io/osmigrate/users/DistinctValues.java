package io.osmigrate.users;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.osmigrate.dialect.ValueKind;
import io.osmigrate.env.Environment;

/** The distinct non-empty identifier values of one column ({@code SELECT DISTINCT}); 0 counts as empty. Reads only. */
final class DistinctValues {

    private DistinctValues() {
    }

    /** {@code table} and {@code column} as the environment's catalog spells them. */
    static Set<Long> of(Environment env, String table, String column) {
        String col = env.dialect().quote(column);
        String sql = "SELECT DISTINCT " + col + " FROM " + env.dialect().quote(table) + " WHERE " + col + " IS NOT NULL";
        Set<Long> values = new HashSet<>();
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object v = ValueKind.id(rs.getObject(1));
                if (v instanceof Number n && n.longValue() != 0) {
                    values.add(n.longValue());
                }
            }
        } catch (SQLException e) {
            throw env.failure("cannot read the values of " + table + "." + column, e, "Check that the user may read it");
        }
        return values;
    }
}

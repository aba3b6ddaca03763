package io.osmigrate.users;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.MetamodelException;

/** Reads OSSYS_USER of one environment by column name (real tables have more columns). */
public final class UserTable {

    static final List<String> COLUMNS = List.of("ID", "TENANT_ID", "USERNAME", "NAME", "EMAIL", "MOBILEPHONE",
            "EXTERNAL_ID", "PASSWORD", "CREATION_DATE", "LAST_LOGIN", "IS_ACTIVE");

    private UserTable() {
    }

    public static List<UserRecord> read(Environment env) {
        String table = env.catalog().table("OSSYS_USER").orElseThrow(() -> new MetamodelException(
                "environment '" + env.name() + "' has no OSSYS_USER table"));
        Map<String, ColumnInfo> cols = env.catalog().columns(table);
        List<String> select = new ArrayList<>();
        for (String c : COLUMNS) {
            ColumnInfo info = cols.get(c);
            select.add(info == null ? "NULL" : env.dialect().quote(info.name()));
        }
        String sql = "SELECT " + String.join(", ", select) + " FROM " + env.dialect().quote(table);
        List<UserRecord> users = new ArrayList<>();
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long tenant = rs.getLong(2);
                Long tenantId = rs.wasNull() ? null : tenant;
                users.add(new UserRecord(rs.getLong(1), tenantId, rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), timestamp(rs, 9), timestamp(rs, 10),
                        flag(rs.getObject(11))));
            }
        } catch (SQLException e) {
            throw env.failure("cannot read OSSYS_USER", e, "Check that the user may read it");
        }
        return users;
    }

    private static LocalDateTime timestamp(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i) == null ? null : rs.getObject(i, LocalDateTime.class);
    }

    private static boolean flag(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.intValue() != 0;
        }
        return v != null && (v.toString().trim().equals("1") || v.toString().trim().toLowerCase(Locale.ROOT).equals("true"));
    }
}

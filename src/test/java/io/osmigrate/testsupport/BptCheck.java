package io.osmigrate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.osmigrate.env.Environment;
import io.osmigrate.maps.TenantMap;

/**
 * What a moved BPT instance row's platform references should become, worked out here with plain SQL rather
 * than through osmigrate's maps: definitions by SS_Key (a process definition with its module's SS_Key), to the
 * active destination definition; statuses by name; groups by mapped tenant and name.
 */
final class BptCheck {

    private final Map<String, Map<Long, Long>> definitions = new HashMap<>();
    private final Map<Long, Long> groups = new HashMap<>();

    BptCheck(Environment source, Environment destination, TenantMap tenants) throws SQLException {
        String process = "SELECT d.ID, LOWER(e.SS_KEY) || '/' || LOWER(d.SS_KEY), d.IS_ACTIVE FROM OSSYS_BPM_PROCESS_DEFINITION d"
                + " JOIN OSSYS_ESPACE e ON e.ID = d.ESPACE_ID";
        definitions.put("OSSYS_BPM_PROCESS_DEFINITION", map(source, destination, process));
        for (String table : new String[] {"OSSYS_BPM_PROCESS_INPUT_DEF", "OSSYS_BPM_PROCESS_OUTPUT_DEF",
            "OSSYS_BPM_ACTIVITY_DEFINITION", "OSSYS_BPM_ACTIVITY_OUTPUT_DEF"}) {
            definitions.put(table, map(source, destination, "SELECT ID, LOWER(SS_KEY), IS_ACTIVE FROM " + table));
        }
        for (String table : new String[] {"OSSYS_BPM_PROCESS_STATUS", "OSSYS_BPM_ACTIVITY_STATUS"}) {
            definitions.put(table, map(source, destination, "SELECT ID, NAME, 1 FROM " + table));
        }
        Map<String, Long> byKey = new HashMap<>();
        for (Object[] g : rows(destination, "SELECT ID, TENANT_ID, NAME FROM OSSYS_GROUP")) {
            byKey.putIfAbsent(g[1] + "|" + g[2].toString().toLowerCase(Locale.ROOT), (Long) g[0]);
        }
        for (Object[] g : rows(source, "SELECT ID, TENANT_ID, NAME FROM OSSYS_GROUP")) {
            Long twin = byKey.get(tenants.map((Long) g[1]) + "|" + g[2].toString().toLowerCase(Locale.ROOT));
            if (twin != null) {
                groups.put((Long) g[0], twin);
            }
        }
    }

    /** The destination id of a source definition or status of {@code table}, or null when it has no active twin. */
    Long definition(String table, long sourceId) {
        return definitions.getOrDefault(table, Map.of()).get(sourceId);
    }

    Long group(long sourceId) {
        return groups.get(sourceId);
    }

    private static Map<Long, Long> map(Environment source, Environment destination, String sql) throws SQLException {
        Map<String, Long> byKey = new HashMap<>();
        for (Object[] r : rows(destination, sql)) {
            if (active(r[2])) {
                byKey.put(r[1].toString(), (Long) r[0]);
            }
        }
        Map<Long, Long> result = new HashMap<>();
        for (Object[] r : rows(source, sql)) {
            Long twin = byKey.get(r[1].toString());
            if (twin != null) {
                result.put((Long) r[0], twin);
            }
        }
        return result;
    }

    private static boolean active(Object flag) {
        return flag instanceof Boolean b ? b : ((Number) flag).intValue() != 0;
    }

    private static java.util.List<Object[]> rows(Environment env, String sql) throws SQLException {
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v instanceof Integer x ? Long.valueOf(x) : v;
                }
                rows.add(row);
            }
        }
        return rows;
    }
}

package io.osmigrate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.osmigrate.app.OsmRuntime;

/**
 * The BPT subscriptions of a fixture's destination (its OSEVT_* tables, row by row), its event queues, and
 * what the state store keeps of them: what tests of triggers-off and events compare.
 */
public final class Subscriptions {

    /** The destination's event tables of the sample solution. */
    public static final List<String> TABLES = List.of("OSEVT_Q9Z_ORDER", "OSEVT_K3M_TICKET", "OSEVT_USER");

    /** The rows that still have what they subscribe for: an active process definition, an existing activity. */
    public static final String STILL_SUBSCRIBED = "(e._PROCESS_DEF_ID IS NULL OR EXISTS (SELECT 1 FROM OSSYS_BPM_PROCESS_DEFINITION d"
            + " WHERE d.ID = e._PROCESS_DEF_ID AND d.IS_ACTIVE = 1)) AND (e._ACTIVITY_ID IS NULL OR EXISTS"
            + " (SELECT 1 FROM OSSYS_BPM_ACTIVITY a WHERE a.ID = e._ACTIVITY_ID))";

    private Subscriptions() {
    }

    /** Every row of the destination's event tables as "TABLE col=value …", sorted, duplicates kept. */
    public static List<String> all(MigrationFixture f) throws SQLException {
        return rows(f, "1 = 1");
    }

    /** The rows {@code where} (on alias e) selects, as {@link #all} gives them. */
    public static List<String> rows(MigrationFixture f, String where) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = f.writableDestination(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " e WHERE " + where)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(' ').append(md.getColumnName(i).toUpperCase(java.util.Locale.ROOT)).append('=')
                                    .append(rs.getObject(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /**
     * The source's subscriptions of activities (Order's and Ticket's event tables): what events adds, remapped, once
     * the activities moved (the sample's subscribing activities all belong to process definitions both sides have).
     */
    public static long sourceActivitySubscriptions(MigrationFixture f) throws SQLException {
        long n = 0;
        try (Connection c = f.writableSource(); Statement s = c.createStatement()) {
            for (String entity : List.of("Order", "Ticket")) {
                String table;
                try (ResultSet rs = s.executeQuery("SELECT EVENT_TABLE_NAME FROM OSSYS_ENTITY WHERE NAME = '" + entity
                        + "' AND IS_ACTIVE = 1 AND EVENT_TABLE_NAME IS NOT NULL")) {
                    rs.next();
                    table = rs.getString(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE _ACTIVITY_ID IS NOT NULL")) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
        }
        return n;
    }

    /** Events waiting in the destination's two queues. */
    public static long queued(MigrationFixture f) throws SQLException {
        try (Connection c = f.writableDestination(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM OSSYS_BPM_EVENT_QUEUE) + (SELECT COUNT(*) FROM OSSYS_BPM_EVENT)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The state store's saved rows of the destination by state (SAVED, DROPPED). */
    public static Map<String, Long> stored(MigrationFixture f) throws SQLException {
        Map<String, Long> states = new TreeMap<>();
        try (OsmRuntime runtime = OsmRuntime.standalone(f.config()); Connection c = runtime.state().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT STATE, COUNT(*) FROM OSM_EVENT_ROW GROUP BY STATE")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        return states;
    }

    /** Whether the state store still notes that the destination's triggers are off. */
    public static boolean triggersOff(MigrationFixture f) {
        try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
            return runtime.state().savedEvents().triggersOff("dst").isPresent();
        }
    }
}

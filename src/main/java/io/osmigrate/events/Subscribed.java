package io.osmigrate.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.osmigrate.dialect.Dialect;
import io.osmigrate.dialect.PhysicalCatalog;
import io.osmigrate.env.Environment;

/**
 * What a destination subscription points at, and whether it is still there: a launch subscription
 * (_PROCESS_DEF_ID) needs its process definition active, an activity's subscription (_ACTIVITY_ID) needs the
 * activity to exist. Read once per events phase: every active definition (a small table) and, of the
 * activities, only those the saved rows name.
 */
final class Subscribed {

    static final String PROCESS_DEFINITION = "_PROCESS_DEF_ID";
    static final String ACTIVITY = "_ACTIVITY_ID";
    private static final int CHUNK = 500;

    private final Set<Long> activeDefinitions;
    private final Set<Long> activities;

    private Subscribed(Set<Long> activeDefinitions, Set<Long> activities) {
        this.activeDefinitions = activeDefinitions;
        this.activities = activities;
    }

    static Subscribed read(Environment env, Collection<EventRow> rows) throws SQLException {
        Set<Long> definitions = new HashSet<>();
        Set<Long> activityIds = new HashSet<>();
        for (EventRow r : rows) {
            if (r.id(PROCESS_DEFINITION) != null) {
                definitions.add(r.id(PROCESS_DEFINITION));
            }
            if (r.id(ACTIVITY) != null) {
                activityIds.add(r.id(ACTIVITY));
            }
        }
        Dialect d = env.dialect();
        try (Connection c = env.dataSource().getConnection()) {
            Set<Long> active = definitions.isEmpty() ? Set.of() : activeDefinitions(c, d, env.catalog());
            Set<Long> existing = activityIds.isEmpty() ? Set.of() : existing(c, d, env.catalog(), activityIds);
            return new Subscribed(active, existing);
        }
    }

    /** Why the row cannot go back, or null when everything it points at still exists. */
    String whyNot(EventRow row) {
        Long definition = row.id(PROCESS_DEFINITION);
        if (definition != null && !activeDefinitions.contains(definition)) {
            return "its process definition " + definition + " is no longer active in the destination";
        }
        Long activity = row.id(ACTIVITY);
        if (activity != null && !activities.contains(activity)) {
            return "its activity " + activity + " no longer exists in the destination";
        }
        return null;
    }

    private static Set<Long> activeDefinitions(Connection c, Dialect d, PhysicalCatalog catalog) throws SQLException {
        String table = table(catalog, "OSSYS_BPM_PROCESS_DEFINITION");
        Set<Long> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + column(catalog, d, table, "ID") + ", "
                + column(catalog, d, table, "IS_ACTIVE") + " FROM " + d.quote(table))) {
            while (rs.next()) {
                Object flag = rs.getObject(2);
                if (flag instanceof Boolean b ? b : flag instanceof Number n && n.intValue() != 0) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Set<Long> existing(Connection c, Dialect d, PhysicalCatalog catalog, Set<Long> wanted) throws SQLException {
        String table = table(catalog, "OSSYS_BPM_ACTIVITY");
        String id = column(catalog, d, table, "ID");
        List<Long> all = new ArrayList<>(wanted);
        Set<Long> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + id + " FROM " + d.quote(table) + " WHERE " + id
                    + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            }
        }
        return found;
    }

    private static String table(PhysicalCatalog catalog, String name) {
        return catalog.table(name).orElseThrow(() -> new IllegalStateException("the destination has no " + name
                + " table, so osmigrate cannot tell which saved subscriptions may go back; they stay saved in the state"
                + " store"));
    }

    private static String column(PhysicalCatalog catalog, Dialect d, String table, String column) {
        return d.quote(catalog.column(table, column).map(col -> col.name()).orElse(column));
    }
}

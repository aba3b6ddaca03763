package io.osmigrate.sample;

import static io.osmigrate.sample.SampleSolution.ROLE_ORDER_MANAGER;
import static io.osmigrate.sample.SampleSolution.ROLE_ORDER_VIEWER;
import static io.osmigrate.sample.SampleSolution.ROLE_SUPPORT_AGENT;
import static io.osmigrate.sample.SampleSolution.ROLE_SUPPORT_LEAD;
import static io.osmigrate.sample.SampleSolution.TENANT_ACME;
import static io.osmigrate.sample.SampleSolution.TENANT_GLOBEX;
import static io.osmigrate.sample.SampleSolution.TENANT_SERVICE_CENTER;
import static io.osmigrate.sample.SampleSolution.TENANT_USERS;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tenants, users, user roles and groups of one environment. The source has IT users {@code admin} and
 * {@code dev.lead}, {@code SampleSizes.endUsers} end users spread over the Users, Acme and Globex tenants and
 * one inactive copy of an end user whose username differs only in case. The destination has the same tenants
 * under other ids, about 70% of those end users (same tenant and username, sometimes in another case, other
 * names, e-mails and ids), some users of its own, one duplicate pair, and only the Sales group.
 */
final class UserRows {

    private static final String[] END_USER_TENANTS = {TENANT_USERS, TENANT_ACME, TENANT_GLOBEX};
    private static final String[] USER_COLUMNS = {"ID", "TENANT_ID", "NAME", "USERNAME", "PASSWORD", "EMAIL",
        "MOBILEPHONE", "EXTERNAL_ID", "CREATION_DATE", "LAST_LOGIN", "IS_ACTIVE"};
    private static final LocalDateTime GROUPS_CREATED = LocalDateTime.of(2020, 3, 1, 9, 30);
    private static final int FIRST_SOURCE_END_USER = 3;
    private static final int FIRST_DESTINATION_USER = 100;
    /** The Sales group's id: BPT human activities are assigned to it. */
    static final int SOURCE_SALES_GROUP = 1;
    static final int DESTINATION_SALES_GROUP = 5;

    private UserRows() {
    }

    static UserDirectory write(Generation g, MetamodelRows.Ids ids) throws SQLException {
        Map<String, Integer> tenants = tenants(g, ids.espaces());
        UserDirectory directory = g.side.isSource() ? source(g, tenants, ids.roles())
                : destination(g, tenants, ids.roles());
        for (String table : MetamodelDdl.IDENTITY_TABLES) {
            g.engine.restartIdentity(g.connection, table, "ID");
        }
        return directory;
    }

    private static Map<String, Integer> tenants(Generation g, Map<String, Integer> espaces) throws SQLException {
        String[] names = {TENANT_SERVICE_CENTER, TENANT_USERS, TENANT_ACME, TENANT_GLOBEX};
        int[] destinationIds = {9, 7, 12, 10};
        int[] destinationOrder = {3, 1, 2, 0};
        Map<String, Integer> ids = new HashMap<>();
        try (RowSink sink = g.sink("OSSYS_TENANT", "ID", "NAME", "ESPACE_ID", "IS_ACTIVE", "DESCRIPTION", "IS_DEFAULT")) {
            for (int n = 0; n < names.length; n++) {
                int i = g.side.isSource() ? n : destinationOrder[n];
                int id = g.side.isSource() ? i + 1 : destinationIds[i];
                ids.put(names[i], id);
                String owner = i == 0 ? SampleSolution.SERVICE_CENTER : SampleSolution.USERS;
                sink.add(id, names[i], espaces.get(owner), g.flag(true), null, g.flag(i == 1));
            }
        }
        return ids;
    }

    private static UserDirectory source(Generation g, Map<String, Integer> tenants, Map<String, Integer> roles)
            throws SQLException {
        int endUsers = g.sizes.endUsers();
        try (RowSink users = g.sink("OSSYS_USER", USER_COLUMNS)) {
            users.add(itUser(g, 1, tenants, "admin", "Administrator"));
            users.add(itUser(g, 2, tenants, "dev.lead", "Development Lead"));
            for (int k = 0; k < endUsers; k++) {
                users.add(endUser(g, k, FIRST_SOURCE_END_USER + k, tenants));
            }
            // an inactive older copy of end user 0 whose username differs only in case
            Object[] copy = endUser(g, 0, FIRST_SOURCE_END_USER + endUsers, tenants);
            markInactiveCopy(g, copy, caseVariant((String) copy[3]));
            users.add(copy);
        }
        try (RowSink userRoles = g.sink("OSSYS_USER_ROLE", "ID", "USER_ID", "ROLE_ID", "TENANT_ID")) {
            int id = 1;
            for (int k = 0; k < endUsers; k++) {
                int user = FIRST_SOURCE_END_USER + k;
                int tenant = tenants.get(END_USER_TENANTS[k % 3]);
                String[] granted = {k % 4 == 0 ? ROLE_ORDER_VIEWER : null, k % 7 == 0 ? ROLE_ORDER_MANAGER : null,
                    k % 5 == 1 ? ROLE_SUPPORT_AGENT : null, k % 11 == 2 ? ROLE_SUPPORT_LEAD : null};
                for (String role : granted) {
                    if (role != null) {
                        userRoles.add(id++, user, roles.get(role), tenant);
                    }
                }
            }
        }
        int usersTenant = tenants.get(TENANT_USERS);
        group(g, SOURCE_SALES_GROUP, usersTenant, "Sales", 1);
        group(g, 2, usersTenant, "Support Team", 1);
        try (RowSink members = g.sink("OSSYS_GROUP_USER", "ID", "GROUP_ID", "USER_ID")) {
            int id = 1;
            for (int k : new int[] {0, 3, 6, 9}) { // tenant Users: k % 3 == 0
                members.add(id++, 1, FIRST_SOURCE_END_USER + k);
            }
            for (int k : new int[] {12, 15, 18}) {
                members.add(id++, 2, FIRST_SOURCE_END_USER + k);
            }
        }
        try (RowSink groupRoles = g.sink("OSSYS_GROUP_ROLE", "ID", "GROUP_ID", "ROLE_ID")) {
            groupRoles.add(1, 1, roles.get(ROLE_ORDER_MANAGER));
            groupRoles.add(2, 1, roles.get(ROLE_ORDER_VIEWER));
            groupRoles.add(3, 2, roles.get(ROLE_SUPPORT_AGENT));
            groupRoles.add(4, 2, roles.get(ROLE_SUPPORT_LEAD));
        }
        return UserDirectory.consecutive(tenants, FIRST_SOURCE_END_USER, endUsers);
    }

    private static UserDirectory destination(Generation g, Map<String, Integer> tenants, Map<String, Integer> roles)
            throws SQLException {
        int endUsers = g.sizes.endUsers();
        int ownUsers = Math.max(3, endUsers / 10);
        int[] active = new int[ownUsers + endUsers];
        int activeCount = 0;
        int salesMember = -1;
        Object[] duplicated = null;
        try (RowSink users = g.sink("OSSYS_USER", USER_COLUMNS)) {
            int id = FIRST_DESTINATION_USER;
            users.add(itUser(g, id++, tenants, "dev.lead", "Dev Lead (QA)"));
            users.add(itUser(g, id++, tenants, "admin", "QA Administrator"));
            for (int j = 0; j < ownUsers; j++) {
                SplittableRandom r = RowRandom.of(g.seed(), "DestinationOnlyUser", j);
                String username = "new." + g.pools.handle(r) + j + "@example.org";
                Object[] row = userRow(g, id, tenants.get(END_USER_TENANTS[j % 3]), username, r);
                users.add(row);
                if (j == 0) {
                    salesMember = id;
                } else if (j == 1) {
                    duplicated = row; // fallback, replaced below by a matched Acme user when there is one
                }
                active[activeCount++] = id++;
            }
            for (int k = endUsers - 1; k >= 0; k--) {
                SplittableRandom r = RowRandom.of(g.seed(), "DestinationUser", k);
                if (r.nextInt(100) >= 70) {
                    continue; // this source user never signed up here
                }
                Object[] source = endUser(g, k, 0, tenants);
                String username = r.nextInt(100) < 20 ? caseVariant((String) source[3]) : (String) source[3];
                Object[] row = userRow(g, id, tenants.get(END_USER_TENANTS[k % 3]), username, r);
                row[5] = ((String) source[3]).toLowerCase(Locale.ROOT).replace("@example.com", "@qa.example.com");
                users.add(row);
                if (k % 3 == 0) {
                    salesMember = id; // ends as the lowest such k
                } else if (k % 3 == 1) {
                    duplicated = row;
                }
                active[activeCount++] = id++;
            }
            // a second row with the same tenant and username, inactive and older
            Object[] copy = duplicated.clone();
            copy[0] = id;
            markInactiveCopy(g, copy, (String) copy[3]);
            users.add(copy);
        }
        int usersTenant = tenants.get(TENANT_USERS);
        group(g, DESTINATION_SALES_GROUP, usersTenant, "Sales", FIRST_DESTINATION_USER + 1);
        try (RowSink members = g.sink("OSSYS_GROUP_USER", "ID", "GROUP_ID", "USER_ID")) {
            members.add(8, DESTINATION_SALES_GROUP, salesMember);
        }
        try (RowSink groupRoles = g.sink("OSSYS_GROUP_ROLE", "ID", "GROUP_ID", "ROLE_ID")) {
            groupRoles.add(9, DESTINATION_SALES_GROUP, roles.get(ROLE_ORDER_MANAGER));
        }
        return UserDirectory.listed(tenants, Arrays.copyOf(active, activeCount));
    }

    private static void group(Generation g, int id, int tenant, String name, int createdBy) throws SQLException {
        try (RowSink sink = g.sink("OSSYS_GROUP", "ID", "TENANT_ID", "NAME", "DESCRIPTION", "CREATED_BY", "CREATED",
                "HAS_CUSTOM_MANAGEMENT")) {
            sink.add(id, tenant, name, "The " + name + " people", createdBy, GROUPS_CREATED, g.flag(false));
        }
    }

    private static Object[] itUser(Generation g, int id, Map<String, Integer> tenants, String username, String name) {
        SplittableRandom r = RowRandom.of(g.seed() + id, "ItUser", username.length());
        Object[] row = userRow(g, id, tenants.get(TENANT_SERVICE_CENTER), username, r);
        row[2] = name;
        row[5] = username + "@it.example.com";
        return row;
    }

    /** Source end user {@code k}; the destination rebuilds it to know its tenant and username. */
    private static Object[] endUser(Generation g, int k, int id, Map<String, Integer> tenants) {
        SplittableRandom r = RowRandom.of(g.seed(), "User", k);
        String username = g.pools.handle(r) + k + "@example.com";
        Object[] row = userRow(g, id, tenants.get(END_USER_TENANTS[k % 3]), username, r);
        row[7] = "EXT-" + hex(r.nextLong()).substring(0, 8) + "-" + k;
        return row;
    }

    private static Object[] userRow(Generation g, int id, int tenant, String username, SplittableRandom r) {
        LocalDateTime created = ValuePools.dateTime(r);
        LocalDateTime lastLogin = created.plusSeconds(1 + r.nextLong(3L * 365 * 24 * 3600));
        String mobile = r.nextInt(5) == 0 ? null : ValuePools.phone(r);
        return new Object[] {id, tenant, g.pools.displayName(r), username, "$1$" + hex(r.nextLong()) + hex(r.nextLong()),
            username.contains("@") ? username : username + "@example.com", mobile, "X-" + id + "-" + hex(r.nextLong()),
            created, lastLogin, g.flag(true)};
    }

    /** Turns a user row into its stale copy: other username spelling, inactive, last seen before the original. */
    private static void markInactiveCopy(Generation g, Object[] row, String username) {
        row[3] = username;
        row[7] = "OLD-" + row[7];
        LocalDateTime created = ((LocalDateTime) row[8]).minusDays(400);
        row[8] = created;
        row[9] = created.plusDays(30);
        row[10] = g.flag(false);
    }

    /** {@code anna.smith3@example.com} → {@code Anna.Smith3@example.com}: equal under a case-insensitive collation. */
    static String caseVariant(String username) {
        StringBuilder b = new StringBuilder(username);
        boolean start = true;
        for (int i = 0; i < b.length() && b.charAt(i) != '@'; i++) {
            if (start) {
                b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
            }
            start = b.charAt(i) == '.';
        }
        return b.toString();
    }

    private static String hex(long v) {
        String h = Long.toHexString(v);
        return "0000000000000000".substring(h.length()) + h;
    }
}

package io.osmigrate.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.osmigrate.maps.UserMap;
import io.osmigrate.env.Environment;
import io.osmigrate.maps.TenantMap;

/**
 * Creates the role links of users in scope in the destination: user roles, groups (matched by name and
 * tenant), group roles and group users. Every link is matched by its natural key first ((user, role),
 * (group, role), (group, user)), so an existing link is never duplicated and a second run creates nothing.
 * One instance per phase run, over the destination's links as read when it starts; runs on the caller's
 * connection and transaction. Not thread-safe.
 */
final class AccessWriter {

    /** What was created, per source tenant name. */
    static final class Counts {
        int userRoles;
        int groups;
        int groupRoles;
        int groupUsers;
    }

    private final PlatformRowWriter userRoles;
    private final PlatformRowWriter groups;
    private final PlatformRowWriter groupRoles;
    private final PlatformRowWriter groupUsers;
    private final AccessRows existing;
    private final Set<String> userRoleKeys = new HashSet<>();
    private final Set<String> groupRoleKeys = new HashSet<>();
    private final Set<String> groupUserKeys = new HashSet<>();
    private final Map<String, Long> createdGroups = new HashMap<>();

    AccessWriter(Environment destination, AccessRows existing) {
        this.userRoles = new PlatformRowWriter(destination, "OSSYS_USER_ROLE");
        this.groups = new PlatformRowWriter(destination, "OSSYS_GROUP");
        this.groupRoles = new PlatformRowWriter(destination, "OSSYS_GROUP_ROLE");
        this.groupUsers = new PlatformRowWriter(destination, "OSSYS_GROUP_USER");
        this.existing = existing;
        existing.userRoles().forEach(l -> userRoleKeys.add(l.userId() + "|" + l.roleId()));
        existing.groupRoles().forEach(l -> groupRoleKeys.add(l.groupId() + "|" + l.roleId()));
        existing.groupUsers().forEach(l -> groupUserKeys.add(l.groupId() + "|" + l.userId()));
    }

    /** Writes every link of {@code links}, resolving users, roles and tenants through the maps of this run. */
    void write(Connection c, SourceLinks links, UserResolution r, UserMap users, TenantMap tenants,
               Map<String, Counts> counts) throws SQLException {
        for (Map.Entry<UserDecision, Set<Long>> e : links.userRoles().entrySet()) {
            Long user = users.get(e.getKey().chosen().id());
            Long tenant = e.getKey().tenant() == null ? null : tenants.map(e.getKey().tenant().id());
            for (long role : e.getValue()) {
                Long destinationRole = r.roleMap().get(role);
                if (user != null && destinationRole != null && userRoleKeys.add(user + "|" + destinationRole)) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("USER_ID", user);
                    values.put("ROLE_ID", destinationRole);
                    values.put("TENANT_ID", tenant);
                    userRoles.insert(c, values, "ID");
                    counts.computeIfAbsent(e.getKey().tenantName(), k -> new Counts()).userRoles++;
                }
            }
        }
        for (SourceLinks.GroupLinks g : links.groups()) {
            Long sourceTenant = g.group().tenantId();
            Long tenant = sourceTenant == null ? null : tenants.map(sourceTenant);
            if (sourceTenant != null && tenant == null) {
                continue; // its tenant is missing in the destination: the plan says so
            }
            String tenantName = g.members().get(0).tenantName();
            Counts count = counts.computeIfAbsent(tenantName, k -> new Counts());
            long group = group(c, g.group(), tenant, users, count);
            for (long role : g.roles()) {
                Long destinationRole = r.roleMap().get(role);
                if (destinationRole != null && groupRoleKeys.add(group + "|" + destinationRole)) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("GROUP_ID", group);
                    values.put("ROLE_ID", destinationRole);
                    groupRoles.insert(c, values, "ID");
                    count.groupRoles++;
                }
            }
            for (UserDecision member : g.members()) {
                Long user = users.get(member.chosen().id());
                if (user != null && groupUserKeys.add(group + "|" + user)) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("GROUP_ID", group);
                    values.put("USER_ID", user);
                    groupUsers.insert(c, values, "ID");
                    count.groupUsers++;
                }
            }
        }
    }

    /** The destination group of that name and tenant, created (with the source's description and dates) when missing. */
    private long group(Connection c, AccessRows.Group source, Long tenant, UserMap users, Counts count) throws SQLException {
        String key = tenant + "|" + source.name().trim().toLowerCase(Locale.ROOT);
        Optional<AccessRows.Group> found = existing.group(tenant, source.name());
        if (found.isPresent()) {
            return found.get().id();
        }
        Long created = createdGroups.get(key);
        if (created != null) {
            return created;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("TENANT_ID", tenant);
        values.put("NAME", source.name());
        values.put("DESCRIPTION", source.description());
        values.put("CREATED_BY", source.createdBy() == null ? null : users.get(source.createdBy()));
        values.put("CREATED", source.created());
        values.put("HAS_CUSTOM_MANAGEMENT", source.customManagement());
        long id = groups.insert(c, values, "ID");
        createdGroups.put(key, id);
        count.groups++;
        return id;
    }
}

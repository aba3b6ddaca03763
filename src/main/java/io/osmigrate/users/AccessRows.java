package io.osmigrate.users;

import java.time.LocalDateTime;
import java.util.List;

import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.MetaQuery;
import io.osmigrate.metamodel.MetaRow;

/**
 * The role links of one environment: OSSYS_USER_ROLE, OSSYS_GROUP, OSSYS_GROUP_USER and OSSYS_GROUP_ROLE,
 * read by column name (real tables have more columns; the tenant columns are optional). Immutable.
 *
 * @param groupsHaveTenant whether OSSYS_GROUP has a TENANT_ID column; without one groups match by name alone
 */
public record AccessRows(List<Group> groups, List<UserRole> userRoles, List<GroupUser> groupUsers,
                         List<GroupRole> groupRoles, boolean groupsHaveTenant) {

    public AccessRows {
        groups = List.copyOf(groups);
        userRoles = List.copyOf(userRoles);
        groupUsers = List.copyOf(groupUsers);
        groupRoles = List.copyOf(groupRoles);
    }

    /** A row of OSSYS_GROUP; {@code tenantId} is null where the table has no tenant column or the row none. */
    public record Group(long id, Long tenantId, String name, String description, Long createdBy, LocalDateTime created,
                        boolean customManagement) {
    }

    public record UserRole(long userId, long roleId) {
    }

    public record GroupUser(long groupId, long userId) {
    }

    public record GroupRole(long groupId, long roleId) {
    }

    /** The group of that tenant and name (compared case-insensitively), the lowest id among several. */
    public java.util.Optional<Group> group(Long tenantId, String name) {
        String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
        return groups.stream().filter(g -> (!groupsHaveTenant || java.util.Objects.equals(g.tenantId(), tenantId))
                        && g.name() != null
                        && g.name().trim().toLowerCase(java.util.Locale.ROOT).equals(wanted))
                .min(java.util.Comparator.comparingLong(Group::id));
    }

    /** Reads the four tables; reads only. */
    public static AccessRows read(Environment env) {
        MetaQuery q = new MetaQuery(env);
        List<Group> groups = q.select("OSSYS_GROUP", List.of("ID", "NAME"),
                        List.of("TENANT_ID", "DESCRIPTION", "CREATED_BY", "CREATED", "HAS_CUSTOM_MANAGEMENT")).stream()
                .map(r -> new Group(r.number("ID"), r.optionalNumber("TENANT_ID"), r.text("NAME"), r.text("DESCRIPTION"),
                        r.optionalNumber("CREATED_BY"), r.dateTime("CREATED"), r.flag("HAS_CUSTOM_MANAGEMENT")))
                .toList();
        List<UserRole> userRoles = q.select("OSSYS_USER_ROLE", List.of("USER_ID", "ROLE_ID"), List.of()).stream()
                .map(r -> new UserRole(r.number("USER_ID"), r.number("ROLE_ID"))).toList();
        List<GroupUser> groupUsers = q.select("OSSYS_GROUP_USER", List.of("GROUP_ID", "USER_ID"), List.of()).stream()
                .map(r -> new GroupUser(r.number("GROUP_ID"), r.number("USER_ID"))).toList();
        List<GroupRole> groupRoles = q.select("OSSYS_GROUP_ROLE", List.of("GROUP_ID", "ROLE_ID"), List.of()).stream()
                .map((MetaRow r) -> new GroupRole(r.number("GROUP_ID"), r.number("ROLE_ID"))).toList();
        return new AccessRows(groups, userRoles, groupUsers, groupRoles,
                env.catalog().column("OSSYS_GROUP", "TENANT_ID").isPresent());
    }
}

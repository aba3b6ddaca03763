package io.osmigrate.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.osmigrate.plan.Finding;

/**
 * The destination role links of the users that {@code users.strategy: recreate} deletes and creates again,
 * for the plan. The users phase keeps every one of them, linked to the new user ({@link UserWriter#recreate});
 * this counts them, and among them those the source does not have: user roles of a role the source user
 * is not granted directly, and memberships of a group (name and tenant) the source user is not in. Those
 * are what a recreate that restored only the source's links would lose. Computed from rows already read;
 * stateless.
 */
final class RecreatedLinks {

    /**
     * @param users                  users to recreate that have links in the destination
     * @param destinationOnlyUserRoles of {@code userRoles}, those the source does not have
     * @param destinationOnlyGroupUsers of {@code groupUsers}, those the source does not have
     */
    record Counts(int users, int userRoles, int groupUsers, int destinationOnlyUserRoles, int destinationOnlyGroupUsers) {
    }

    private RecreatedLinks() {
    }

    static Counts count(UserResolution r, AccessRows destination) {
        Map<Long, Long> tenantTwin = new HashMap<>();
        r.tenants().stream().filter(t -> t.destination() != null)
                .forEach(t -> tenantTwin.put(t.source().id(), t.destination().id()));
        Map<Long, AccessRows.Group> sourceGroups = new HashMap<>();
        r.sourceAccess().groups().forEach(g -> sourceGroups.put(g.id(), g));
        Map<Long, List<Long>> sourceRolesOf = new HashMap<>();
        r.sourceAccess().userRoles().forEach(l -> sourceRolesOf.computeIfAbsent(l.userId(), k -> new ArrayList<>()).add(l.roleId()));
        Map<Long, List<Long>> sourceGroupsOf = new HashMap<>();
        r.sourceAccess().groupUsers().forEach(l -> sourceGroupsOf.computeIfAbsent(l.userId(), k -> new ArrayList<>()).add(l.groupId()));
        Map<Long, List<Long>> rolesOf = new HashMap<>();
        destination.userRoles().forEach(l -> rolesOf.computeIfAbsent(l.userId(), k -> new ArrayList<>()).add(l.roleId()));
        Map<Long, List<Long>> groupsOf = new HashMap<>();
        destination.groupUsers().forEach(l -> groupsOf.computeIfAbsent(l.userId(), k -> new ArrayList<>()).add(l.groupId()));
        int users = 0;
        int userRoles = 0;
        int groupUsers = 0;
        int onlyUserRoles = 0;
        int onlyGroupUsers = 0;
        for (UserDecision d : r.decisions()) {
            if (d.action() != UserAction.RECREATE) {
                continue;
            }
            List<Long> roles = rolesOf.getOrDefault(d.destination().id(), List.of());
            List<Long> groups = groupsOf.getOrDefault(d.destination().id(), List.of());
            if (roles.isEmpty() && groups.isEmpty()) {
                continue;
            }
            Set<Long> sourceRoles = new HashSet<>();
            Set<Long> sourceGroupTwins = new HashSet<>();
            for (UserRecord member : d.members()) {
                sourceRolesOf.getOrDefault(member.id(), List.of()).stream().map(r.roleMap()::get)
                        .filter(Objects::nonNull).forEach(sourceRoles::add);
                for (long groupId : sourceGroupsOf.getOrDefault(member.id(), List.of())) {
                    AccessRows.Group g = sourceGroups.get(groupId);
                    if (g != null && (g.tenantId() == null || tenantTwin.containsKey(g.tenantId()))) {
                        destination.group(g.tenantId() == null ? null : tenantTwin.get(g.tenantId()), g.name())
                                .ifPresent(twin -> sourceGroupTwins.add(twin.id()));
                    }
                }
            }
            users++;
            userRoles += roles.size();
            groupUsers += groups.size();
            onlyUserRoles += (int) roles.stream().filter(role -> !sourceRoles.contains(role)).count();
            onlyGroupUsers += (int) groups.stream().filter(group -> !sourceGroupTwins.contains(group)).count();
        }
        return new Counts(users, userRoles, groupUsers, onlyUserRoles, onlyGroupUsers);
    }

    /** The plan's word on them, when any user to recreate has links in the destination. */
    static Optional<Finding> finding(UserResolution r, AccessRows destination) {
        Counts c = count(r, destination);
        if (c.userRoles() + c.groupUsers() == 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.info("users-recreate-keeps-links", "users", "users.strategy: recreate keeps the role"
                + " links of the " + c.users() + " destination users it deletes and creates again that have any: their "
                + c.userRoles() + " user roles and " + c.groupUsers() + " group memberships are linked to the new users."
                + " Of these, " + c.destinationOnlyUserRoles() + " user roles and " + c.destinationOnlyGroupUsers()
                + " group memberships exist only in the destination (the source user has no such role or group)"));
    }
}

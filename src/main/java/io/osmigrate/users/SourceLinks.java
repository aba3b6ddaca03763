package io.osmigrate.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.osmigrate.spec.RoleLinks;

/**
 * The source role links that go with the users in scope: the direct roles of each matched or created
 * identity, and the groups they belong to with those groups' roles. users.roleLinks filters them: all of
 * them, only those granting a listed role (a group goes when it grants one), or none. Roles without a
 * destination twin never get links. Computed from rows already read; immutable.
 *
 * @param userRoles  per identity, the source role ids granted directly (links to create)
 * @param groups     the source groups that go, with their members in scope and the role ids to grant
 * @param allUserRoles  per identity, every direct source role id, before any filter (for role coverage)
 * @param allGroups  every group of an identity in scope with all its role ids, before any filter
 */
record SourceLinks(Map<UserDecision, Set<Long>> userRoles, List<GroupLinks> groups,
                   Map<UserDecision, Set<Long>> allUserRoles, List<GroupLinks> allGroups) {

    /** A source group, its members among the identities in scope, and the source role ids it grants. */
    record GroupLinks(AccessRows.Group group, List<UserDecision> members, Set<Long> roles) {
    }

    static SourceLinks of(UserResolution r) {
        Map<Long, UserDecision> byUser = new HashMap<>();
        r.decisions().stream().filter(d -> d.action().carriesLinks())
                .forEach(d -> d.members().forEach(u -> byUser.put(u.id(), d)));
        Map<UserDecision, Set<Long>> all = new LinkedHashMap<>();
        for (AccessRows.UserRole ur : r.sourceAccess().userRoles()) {
            UserDecision d = byUser.get(ur.userId());
            if (d != null) {
                all.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(ur.roleId());
            }
        }
        Map<Long, Set<Long>> rolesOfGroup = new HashMap<>();
        r.sourceAccess().groupRoles().forEach(gr -> rolesOfGroup.computeIfAbsent(gr.groupId(), k -> new LinkedHashSet<>())
                .add(gr.roleId()));
        Map<Long, List<UserDecision>> membersOfGroup = new LinkedHashMap<>();
        for (AccessRows.GroupUser gu : r.sourceAccess().groupUsers()) {
            UserDecision d = byUser.get(gu.userId());
            if (d != null) {
                List<UserDecision> members = membersOfGroup.computeIfAbsent(gu.groupId(), k -> new ArrayList<>());
                if (!members.contains(d)) {
                    members.add(d);
                }
            }
        }
        List<GroupLinks> allGroups = new ArrayList<>();
        r.sourceAccess().groups().stream().filter(g -> membersOfGroup.containsKey(g.id()))
                .sorted(Comparator.comparing((AccessRows.Group g) -> g.name().toLowerCase(java.util.Locale.ROOT))
                        .thenComparingLong(AccessRows.Group::id))
                .forEach(g -> allGroups.add(new GroupLinks(g, membersOfGroup.get(g.id()),
                        rolesOfGroup.getOrDefault(g.id(), Set.of()))));

        RoleLinks policy = r.settings().roleLinks();
        Set<Long> linked = r.linkedRoles();
        Map<UserDecision, Set<Long>> userRoles = new LinkedHashMap<>();
        List<GroupLinks> groups = new ArrayList<>();
        if (policy != RoleLinks.NONE) {
            all.forEach((d, roles) -> {
                Set<Long> kept = new LinkedHashSet<>(roles);
                kept.retainAll(linked);
                if (!kept.isEmpty()) {
                    userRoles.put(d, kept);
                }
            });
            for (GroupLinks g : allGroups) {
                Set<Long> kept = new LinkedHashSet<>(g.roles());
                kept.retainAll(linked);
                if (policy == RoleLinks.ALL || !kept.isEmpty()) {
                    groups.add(new GroupLinks(g.group(), g.members(), kept));
                }
            }
        }
        return new SourceLinks(userRoles, groups, all, allGroups);
    }
}

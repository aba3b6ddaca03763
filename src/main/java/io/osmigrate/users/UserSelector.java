package io.osmigrate.users;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.osmigrate.spec.UsersSettings;

/**
 * Which source users are candidates for the scope (users.select): referenced by moved rows, all users of
 * some tenants, or the holders of some roles, directly or through a group. IT users are left out later,
 * by the resolver, so the plan can count the referenced ones. Stateless.
 */
final class UserSelector {

    private UserSelector() {
    }

    /**
     * @param referenced    user ids that moved rows reference (read from the source)
     * @param tenants       source tenant ids whose users all move (select: all)
     * @param listedRoles   source role ids of users.roles (select: with-roles)
     */
    static Set<Long> select(UsersSettings s, java.util.List<UserRecord> users, AccessRows access, Set<Long> referenced,
                            Set<Long> tenants, Set<Long> listedRoles) {
        Set<Long> existing = users.stream().map(UserRecord::id).collect(Collectors.toSet());
        Set<Long> result = new HashSet<>();
        switch (s.select()) {
            case REFERENCED -> referenced.stream().filter(existing::contains).forEach(result::add);
            case ALL -> users.stream().filter(u -> u.tenantId() != null && tenants.contains(u.tenantId()))
                    .forEach(u -> result.add(u.id()));
            case WITH_ROLES -> {
                access.userRoles().stream().filter(r -> listedRoles.contains(r.roleId())).forEach(r -> result.add(r.userId()));
                Set<Long> groups = access.groupRoles().stream().filter(r -> listedRoles.contains(r.roleId()))
                        .map(AccessRows.GroupRole::groupId).collect(Collectors.toSet());
                access.groupUsers().stream().filter(m -> groups.contains(m.groupId())).forEach(m -> result.add(m.userId()));
                result.retainAll(existing);
            }
            case NONE -> {
                // nothing moves; references are still looked up
            }
        }
        return result;
    }
}

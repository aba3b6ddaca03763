package io.osmigrate.plan;

import java.util.List;

import io.osmigrate.spec.PasswordPolicy;
import io.osmigrate.spec.RoleLinks;
import io.osmigrate.spec.UnmatchedUsers;
import io.osmigrate.spec.UserMatchKey;
import io.osmigrate.spec.UserSelection;
import io.osmigrate.spec.UserStrategy;

/**
 * What the users phase will do, resolved against both environments: pure data, for people (the plan
 * printout) and tools (the plan JSON). Never holds a password hash or the anonymisation key. Immutable.
 *
 * @param tenants    per source tenant with users in scope or rows that use it, what happens to its users
 * @param unmatched  every user in scope without a destination twin, with its handling
 * @param duplicates users sharing a tenant and match key, on either side
 * @param itUsers    the referenced IT users (ServiceCenter tenant): never moved, only looked up
 * @param roles      the source roles the links of users in scope grant, and whether the destination has them
 * @param groups     the groups of users in scope, and whether the destination has them
 */
public record UsersPlan(UserSelection select, UserStrategy strategy, UnmatchedUsers unmatchedPolicy, UserMatchKey matchBy,
                        PasswordPolicy passwords, boolean anonymized, RoleLinks roleLinks, boolean mappingFile,
                        List<TenantUsers> tenants, List<UnmatchedUser> unmatched, List<DuplicateUsers> duplicates,
                        ItUsers itUsers, List<RoleCoverage> roles, List<GroupPlan> groups) {

    public UsersPlan {
        tenants = List.copyOf(tenants);
        unmatched = List.copyOf(unmatched);
        duplicates = List.copyOf(duplicates);
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
    }

    /**
     * The users of one source tenant. {@code destination} says how the tenant itself is matched:
     * "matched", "to create" or "missing".
     */
    public record TenantUsers(String tenant, String destination, int inScope, int matched, int toUpdate, int toRecreate,
                              int mapped, int toCreate, int toDefaultUser, int toEmpty, int toDeadLetter) {
    }

    /** A user in scope with no destination twin: what happens to it and why. */
    public record UnmatchedUser(String tenant, String username, String handling, String reason) {
    }

    /**
     * Users sharing a tenant and match key on one side ("source" or "destination").
     *
     * @param key     the shared key as written (username or external id)
     * @param ids     every user id of the group
     * @param picked  the id the pick rule chose (active first, then the latest LAST_LOGIN, then the lowest id)
     * @param inScope whether a user in scope is concerned (only those block the plan when duplicates: fail)
     */
    public record DuplicateUsers(String side, String tenant, String key, List<Long> ids, long picked, boolean inScope) {
        public DuplicateUsers {
            ids = List.copyOf(ids);
        }
    }

    /** Referenced IT users: matched ones are mapped, unmatched ones follow each entity's unresolvedReference. */
    public record ItUsers(int referenced, int matched) {
    }

    /**
     * One source role granted by links of users in scope.
     *
     * @param role          "Module.Role"
     * @param inDestination whether an active destination role has the same espace and role SS_Keys
     * @param userRoles     direct grants to users in scope
     * @param groupRoles    grants to groups of users in scope
     * @param linked        whether its links are created (roleLinks and the destination role allow it)
     */
    public record RoleCoverage(String role, boolean inDestination, int userRoles, int groupRoles, boolean linked) {
    }

    /** A group of users in scope, matched by (name, tenant). */
    public record GroupPlan(String tenant, String name, boolean exists, int members, int roles) {
    }
}

package io.osmigrate.users;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.osmigrate.spec.UsersSettings;

/**
 * Everything the users phase acts on, resolved from both environments when the plan is made: tenant and
 * user decisions, the lookups of users outside the scope, and the source role links. Immutable; made by
 * {@link UsersPlanner}, consumed by {@link UsersPhase}.
 *
 * @param decisions        one per source identity in scope, in a stable order (tenant, username)
 * @param lookups          source users outside the scope (IT users among them) matched to destination users
 * @param unmatchedOutside source users outside the scope with no destination twin, and why (references to them
 *                         follow each entity's unresolvedReference; under users.strategy: skip no user is mapped)
 * @param sourceAccess     the source's role links
 * @param roleMap          source role id → destination role id, for roles matched by (espace, role) SS_Keys
 * @param linkedRoles      source role ids whose links are created (users.roleLinks)
 */
public record UserResolution(UsersSettings settings, List<TenantDecision> tenants, List<UserDecision> decisions,
                             Map<Long, Long> lookups, Map<Long, String> unmatchedOutside, AccessRows sourceAccess,
                             Map<Long, Long> roleMap, Set<Long> linkedRoles) {

    public UserResolution {
        tenants = List.copyOf(tenants);
        decisions = List.copyOf(decisions);
        lookups = Map.copyOf(lookups);
        unmatchedOutside = Map.copyOf(unmatchedOutside);
        roleMap = Map.copyOf(roleMap);
        linkedRoles = Set.copyOf(linkedRoles);
    }

    /** Whether the phase may delete and create users again, so it must run after the clean phase. */
    public boolean recreates() {
        return settings.strategy() == io.osmigrate.spec.UserStrategy.RECREATE;
    }
}

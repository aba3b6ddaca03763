package io.osmigrate.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.Role;
import io.osmigrate.plan.UsersPlan;
import io.osmigrate.spec.RoleLinks;
import io.osmigrate.spec.UserStrategy;

/** Turns the users phase's decisions into the rows of a {@link UsersPlan}. Stateless. */
final class UsersPlanRows {

    private UsersPlanRows() {
    }

    /** Per source tenant that users in scope or moved rows use: its state and what happens to its users. */
    static List<UsersPlan.TenantUsers> tenants(UserResolution r) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> states = new HashMap<>();
        r.tenants().stream().filter(t -> t.used() && !t.it()).sorted(java.util.Comparator.comparing(t -> t.source().name()))
                .forEach(t -> {
                    counts.put(t.source().name(), new int[UserAction.values().length]);
                    states.put(t.source().name(), t.state());
                });
        for (UserDecision d : r.decisions()) {
            counts.computeIfAbsent(d.tenantName(), k -> new int[UserAction.values().length])[d.action().ordinal()]++;
            if (d.tenant() == null) {
                states.put(d.tenantName(), "-");
            }
        }
        List<UsersPlan.TenantUsers> rows = new ArrayList<>();
        counts.forEach((tenant, c) -> rows.add(new UsersPlan.TenantUsers(tenant, states.getOrDefault(tenant, "-"),
                java.util.Arrays.stream(c).sum(), c[UserAction.MATCH.ordinal()] + c[UserAction.UPDATE.ordinal()]
                + c[UserAction.RECREATE.ordinal()], c[UserAction.UPDATE.ordinal()], c[UserAction.RECREATE.ordinal()],
                c[UserAction.MAPPED.ordinal()], c[UserAction.CREATE.ordinal()], c[UserAction.DEFAULT_USER.ordinal()],
                c[UserAction.EMPTY.ordinal()], c[UserAction.DEAD_LETTER.ordinal()])));
        return rows;
    }

    /** Every user in scope without a twin, and its handling (none are listed under strategy skip: none is looked for). */
    static List<UsersPlan.UnmatchedUser> unmatched(UserResolution r) {
        if (r.settings().strategy() == UserStrategy.SKIP) {
            return List.of();
        }
        List<UsersPlan.UnmatchedUser> rows = new ArrayList<>();
        for (UserDecision d : r.decisions()) {
            String handling = switch (d.action()) {
                case CREATE -> "create";
                case DEFAULT_USER -> "default user " + d.destination().username() + " (id " + d.destination().id() + ")";
                case EMPTY -> "empty where optional, else dead-letter";
                case DEAD_LETTER -> "dead-letter";
                default -> null;
            };
            if (handling != null) {
                rows.add(new UsersPlan.UnmatchedUser(d.tenantName(), d.chosen().username(), handling, d.reason()));
            }
        }
        return rows;
    }

    /** The source roles the links of users in scope grant, whether the destination has them, and whether they go. */
    static List<UsersPlan.RoleCoverage> roles(SourceLinks links, UserResolution r, Metamodel source) {
        Map<Long, int[]> counts = new HashMap<>();
        links.allUserRoles().values().forEach(roles -> roles.forEach(id -> counts.computeIfAbsent(id, k -> new int[2])[0]++));
        links.allGroups().forEach(g -> g.roles().forEach(id -> counts.computeIfAbsent(id, k -> new int[2])[1]++));
        Map<Long, Role> byId = new HashMap<>();
        source.roles().forEach(role -> byId.put(role.id(), role));
        List<UsersPlan.RoleCoverage> rows = new ArrayList<>();
        counts.forEach((id, c) -> {
            Role role = byId.get(id);
            rows.add(new UsersPlan.RoleCoverage(role == null ? "role id " + id + " (not active)" : RoleMatcher.name(role, source),
                    r.roleMap().containsKey(id), c[0], c[1], r.settings().roleLinks() != RoleLinks.NONE
                    && r.linkedRoles().contains(id)));
        });
        rows.sort(java.util.Comparator.comparing(UsersPlan.RoleCoverage::role));
        return rows;
    }

    /** The groups that go with users in scope, and whether the destination already has them (name and tenant). */
    static List<UsersPlan.GroupPlan> groups(SourceLinks links, UserResolution r, AccessRows destination) {
        Map<Long, TenantDecision> tenants = new HashMap<>();
        r.tenants().forEach(t -> tenants.put(t.source().id(), t));
        List<UsersPlan.GroupPlan> rows = new ArrayList<>();
        for (SourceLinks.GroupLinks g : links.groups()) {
            TenantDecision t = g.group().tenantId() == null ? null : tenants.get(g.group().tenantId());
            Long destinationTenant = t == null || t.destination() == null ? null : t.destination().id();
            boolean exists = (g.group().tenantId() == null || destinationTenant != null)
                    && destination.group(destinationTenant, g.group().name()).isPresent();
            Set<Long> roles = g.roles();
            rows.add(new UsersPlan.GroupPlan(t == null ? "(no tenant)" : t.source().name(), g.group().name(), exists,
                    g.members().size(), roles.size()));
        }
        return rows;
    }
}

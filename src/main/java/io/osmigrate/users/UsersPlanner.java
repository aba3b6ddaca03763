package io.osmigrate.users;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.osmigrate.config.ConfigException;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.metamodel.Tenant;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.Finding;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.plan.UsersPlan;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.UserSelection;
import io.osmigrate.spec.UserStrategy;
import io.osmigrate.spec.UsersSettings;
import io.osmigrate.users.UserMappingFile.UserMapping;

/**
 * Prepares the users phase of a plan: reads the user, tenant, role and group rows of both environments
 * (and, for users.select: referenced, the users the moved rows reference), decides what happens to every
 * user and tenant, and describes it as a {@link UsersPlan} with its findings. Reads only; nothing is
 * written. Spec mistakes (unknown role or tenant names, a missing or malformed mapping file, a default
 * user that does not exist) throw {@link ConfigException}; problems of the environments are findings.
 */
public final class UsersPlanner {

    private UsersPlanner() {
    }

    /** The users part of a plan, its findings, and the decisions the users phase acts on. */
    public record UsersPreparation(UsersPlan plan, List<Finding> findings, UserResolution resolution) {
    }

    /**
     * @param plan the plan of the entities (its moved entities say which users are referenced; its clean
     *             steps say which referencing rows go before users are recreated)
     */
    public static UsersPreparation prepare(MigrationSpec spec, Plan plan, Environment source, Environment destination,
                                           Metamodel sourceMeta, Metamodel destinationMeta) {
        UsersSettings s = spec.users();
        List<Finding> findings = new ArrayList<>();
        List<UserMapping> mappings = s.mappingFile() == null ? List.of() : UserMappingFile.read(Path.of(s.mappingFile()));
        Set<Long> listedRoles = RoleMatcher.listed(s.roles(), sourceMeta, spec.file());
        Set<Long> selectedTenants = selectedTenants(s, sourceMeta, spec.file());

        List<UserRecord> sourceUsers = UserTable.read(source);
        List<UserRecord> destinationUsers = UserTable.read(destination);
        AccessRows sourceAccess = AccessRows.read(source);
        Set<Long> referenced = s.select() == UserSelection.REFERENCED ? referencedUsers(plan, source) : Set.of();
        Set<Long> candidates = UserSelector.select(s, sourceUsers, sourceAccess, referenced, selectedTenants, listedRoles);

        Set<Long> usedTenants = new HashSet<>(rowTenants(plan, source));
        if (s.strategy() != UserStrategy.SKIP) {
            Map<Long, Long> tenantOf = new HashMap<>();
            sourceUsers.forEach(u -> tenantOf.put(u.id(), u.tenantId()));
            Set<Long> itTenants = new HashSet<>();
            sourceMeta.tenants().stream().filter(t -> TenantResolver.isIt(t, sourceMeta)).forEach(t -> itTenants.add(t.id()));
            candidates.stream().map(tenantOf::get).filter(t -> t != null && !itTenants.contains(t)).forEach(usedTenants::add);
        }
        List<TenantDecision> tenants = TenantResolver.resolve(sourceMeta, destinationMeta, usedTenants,
                spec.tenants().missingOrDefault(), findings);

        IdentityResolver resolver = new IdentityResolver(s, tenants, destinationMeta.tenants(), destinationUsers, mappings);
        IdentityResolver.Result result = resolver.resolve(sourceUsers, candidates);
        if (!resolver.configErrors().isEmpty()) {
            throw new ConfigException(spec.file() + ": " + String.join("\n  " + spec.file() + ": ", resolver.configErrors()));
        }
        Map<Long, Long> roleMap = RoleMatcher.match(sourceMeta, destinationMeta);
        UserResolution resolution = new UserResolution(s, tenants, result.decisions(), result.lookups(),
                result.unmatchedOutside(), sourceAccess, roleMap, RoleMatcher.linked(s.roleLinks(), listedRoles, roleMap));
        SourceLinks links = SourceLinks.of(resolution);
        AccessRows destinationAccess = AccessRows.read(destination);

        UsersFindings.add(s, result, resolution, links, sourceMeta, findings);
        recreateGuard(plan, destination, destinationMeta, resolution, findings);
        RecreatedLinks.finding(resolution, destinationAccess).ifPresent(findings::add);
        UsersPlan usersPlan = new UsersPlan(s.select(), s.strategy(), s.unmatched(), s.matchBy(), s.passwords(), s.anonymized(),
                s.roleLinks(), s.mappingFile() != null, UsersPlanRows.tenants(resolution), UsersPlanRows.unmatched(resolution),
                result.duplicates(), result.itUsers(), UsersPlanRows.roles(links, resolution, sourceMeta),
                UsersPlanRows.groups(links, resolution, destinationAccess));
        return new UsersPreparation(usersPlan, findings, resolution);
    }

    /** The users of moved rows: the distinct values of every User attribute of every moved entity, in the source. */
    private static Set<Long> referencedUsers(Plan plan, Environment source) {
        return distinct(plan, source, Set.of(ColumnRole.USER_REFERENCE));
    }

    /** The tenants of moved rows: TENANT_ID of multi-tenant entities and attributes whose type is Tenant. */
    private static Set<Long> rowTenants(Plan plan, Environment source) {
        return distinct(plan, source, Set.of(ColumnRole.TENANT_ID, ColumnRole.TENANT_REFERENCE));
    }

    private static Set<Long> distinct(Plan plan, Environment source, Set<ColumnRole> roles) {
        Set<Long> ids = new HashSet<>();
        for (PlannedEntity e : plan.moved()) {
            for (ColumnPlan c : e.columns()) {
                if (roles.contains(c.role()) && c.sourceColumn() != null) {
                    ids.addAll(DistinctValues.of(source, e.sourceTable(), c.sourceColumn()));
                }
            }
        }
        return ids;
    }

    private static Set<Long> selectedTenants(UsersSettings s, Metamodel source, Path specFile) {
        Set<Long> ids = new HashSet<>();
        if (s.select() != UserSelection.ALL) {
            return ids;
        }
        if (s.tenants().isEmpty()) {
            source.tenants().stream().filter(t -> !TenantResolver.isIt(t, source)).forEach(t -> ids.add(t.id()));
            return ids;
        }
        for (String name : s.tenants()) {
            List<Tenant> named = source.tenants().stream().filter(t -> t.name().trim().equalsIgnoreCase(name)).toList();
            if (named.isEmpty()) {
                throw new ConfigException(specFile + ": users.tenants: no tenant '" + name + "' in the source; its tenants: "
                        + String.join(", ", source.tenants().stream().filter(t -> !TenantResolver.isIt(t, source))
                        .map(Tenant::name).sorted().toList()));
            }
            named.forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    /** Recreate is refused while rows the clean does not delete reference the users it would delete. */
    private static void recreateGuard(Plan plan, Environment destination, Metamodel destinationMeta, UserResolution r,
                                      List<Finding> findings) {
        Map<Long, String> doomed = new LinkedHashMap<>();
        r.decisions().stream().filter(d -> d.action() == UserAction.RECREATE)
                .forEach(d -> doomed.put(d.destination().id(), d.destination().username()));
        List<RecreateGuard.Blocker> blockers = RecreateGuard.find(destination, destinationMeta, plan.clean(), doomed.keySet());
        if (!blockers.isEmpty()) {
            findings.add(Finding.error("users-recreate-referenced", "users", "users.strategy: recreate would delete and"
                    + " create again " + doomed.size() + " destination users, but rows the clean phase does not delete"
                    + " reference them: " + String.join(", ", blockers.stream().map(b -> b.attribute() + " (" + b.rows()
                    + (b.rows() == 1 ? " row)" : " rows)")).toList()) + "; turn clean on (clean: true) if those rows are"
                    + " in scope, or use strategy: update, which changes the users in place"));
        }
    }
}

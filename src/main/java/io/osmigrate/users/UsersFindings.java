package io.osmigrate.users;

import java.util.List;

import io.osmigrate.metamodel.Metamodel;
import io.osmigrate.plan.Finding;
import io.osmigrate.plan.UsersPlan;
import io.osmigrate.spec.DuplicateUsers;
import io.osmigrate.spec.PasswordPolicy;
import io.osmigrate.spec.RoleLinks;
import io.osmigrate.spec.UserMatchKey;
import io.osmigrate.spec.UserStrategy;
import io.osmigrate.spec.UsersSettings;

/**
 * The findings of the users part of a plan: duplicates (blocking under duplicates: fail), roles that the
 * destination lacks, mapping lines that apply to nobody, users that cannot be created, referenced IT users
 * without a twin, and what new users get instead of a password. Stateless.
 */
final class UsersFindings {

    private static final int SHOWN = 10;

    private UsersFindings() {
    }

    static void add(UsersSettings s, IdentityResolver.Result result, UserResolution r, SourceLinks links, Metamodel source,
                    List<Finding> findings) {
        duplicates(s, result.duplicates(), findings);
        for (UsersPlan.RoleCoverage role : UsersPlanRows.roles(links, r, source)) {
            if (!role.inDestination() && s.roleLinks() != RoleLinks.NONE) {
                findings.add(Finding.warning("role-missing-in-destination", role.role(), "role " + role.role() + " has no"
                        + " destination role with the same SS_Keys (roles are created by publishing, never by osmigrate): "
                        + role.userRoles() + " user roles and " + role.groupRoles() + " group roles that grant it are not created"));
            }
        }
        result.unusedMappings().forEach(m -> findings.add(Finding.warning("user-mapping-unused", "users.mappingFile",
                "users.mappingFile, line " + m.line() + ": no source user " + m.sourceUsername()
                        + (m.tenant() == null ? "" : " in tenant " + m.tenant()) + "; the line maps nobody")));
        List<UserDecision> cannot = r.decisions().stream()
                .filter(d -> d.action() == UserAction.DEAD_LETTER && d.reason().contains("cannot be created")).toList();
        if (!cannot.isEmpty()) {
            findings.add(Finding.warning("users-cannot-be-created", "users", cannot.size() + " unmatched users in scope cannot be"
                    + " created, so rows that reference them are dead-lettered: " + list(cannot)));
        }
        long created = r.decisions().stream().filter(d -> d.action() == UserAction.CREATE).count();
        if (created > 0 && s.passwords() == PasswordPolicy.KEEP_OUT) {
            findings.add(Finding.info("users-without-password", "users", created + " users are created with a password value"
                    + " that matches no password (passwords: keep-out): they cannot log in until a password is set in the"
                    + " destination"));
        }
        if (result.itUsers().referenced() > result.itUsers().matched()) {
            findings.add(Finding.warning("it-users-unmatched", "users", (result.itUsers().referenced() - result.itUsers().matched())
                    + " referenced IT users (tenant ServiceCenter) have no destination twin; IT users are never moved, so rows"
                    + " that reference them follow each entity's unresolvedReference"));
        }
        if (s.strategy() == UserStrategy.SKIP) {
            findings.add(Finding.info("users-skipped", "users", "users.strategy is skip: every reference to a user is left"
                    + " empty where the attribute is optional; rows with a mandatory one are dead-lettered"));
        }
        if (s.anonymized() && s.matchBy() == UserMatchKey.USERNAME) {
            findings.add(Finding.info("users-anonymized", "users", "usernames are anonymised and matched by their pseudonym:"
                    + " real destination users are never matched; use matchBy: external-id to match them by EXTERNAL_ID"));
        }
    }

    private static void duplicates(UsersSettings s, List<UsersPlan.DuplicateUsers> duplicates, List<Finding> findings) {
        List<UsersPlan.DuplicateUsers> relevant = duplicates.stream().filter(UsersPlan.DuplicateUsers::inScope).toList();
        if (relevant.isEmpty()) {
            return;
        }
        String key = s.matchBy() == UserMatchKey.EXTERNAL_ID ? "tenant and external id" : "tenant and username";
        if (s.duplicates() == DuplicateUsers.FAIL) {
            relevant.forEach(d -> findings.add(Finding.error("duplicate-users", d.side() + " " + d.tenant() + "/" + d.key(),
                    "the " + d.side() + " has users " + d.ids() + " with the same " + key + " (" + d.tenant() + ", " + d.key()
                            + ") and users.duplicates is fail; remove the duplicates, or use duplicates: pick (the active one,"
                            + " then the latest login, then the lowest id)")));
        } else {
            findings.add(Finding.warning("duplicate-users", "users", relevant.size() + " groups of users with the same " + key
                    + " concern users in scope; one of each is picked (the active one, then the latest login, then the lowest"
                    + " id): " + String.join("; ", relevant.stream().limit(SHOWN).map(d -> d.side() + " " + d.tenant() + "/"
                    + d.key() + " " + d.ids() + " → " + d.picked()).toList()) + (relevant.size() > SHOWN ? "; …" : "")));
        }
    }

    private static String list(List<UserDecision> decisions) {
        return String.join("; ", decisions.stream().limit(SHOWN).map(d -> d.tenantName() + "/" + d.chosen().username() + ": "
                + d.reason()).toList()) + (decisions.size() > SHOWN ? "; …" : "");
    }
}

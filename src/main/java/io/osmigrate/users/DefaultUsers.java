package io.osmigrate.users;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.osmigrate.metamodel.Tenant;
import io.osmigrate.spec.UnmatchedUsers;
import io.osmigrate.spec.UsersSettings;

/**
 * Resolves users.defaultUser in the destination: "Tenant/username" names one user for every unmatched user;
 * a bare "username" means the user of that name in each unmatched user's own (destination) tenant. A
 * default user that does not exist where it is needed is a spec mistake, added to the shared error list.
 * Among duplicates the pick rule chooses. Not thread-safe (one per plan).
 */
final class DefaultUsers {

    private final UsersSettings settings;
    private final List<Tenant> destinationTenants;
    private final Map<String, List<UserRecord>> byUsername;
    private final List<String> errors;
    private final UserRecord qualified;

    DefaultUsers(UsersSettings settings, List<Tenant> destinationTenants, Map<String, List<UserRecord>> byUsername,
                 List<String> errors) {
        this.settings = settings;
        this.destinationTenants = destinationTenants;
        this.byUsername = byUsername;
        this.errors = errors;
        this.qualified = qualified();
    }

    /** The default user for an unmatched user of that source tenant, or null (an error is recorded). */
    UserRecord resolve(TenantDecision tenant) {
        Optional<UsersSettings.DefaultUser> d = settings.defaultUserName();
        if (d.isEmpty()) {
            return null;
        }
        if (d.get().tenant() != null) {
            return qualified;
        }
        Tenant destination = tenant == null ? null : tenant.destination();
        if (destination == null) {
            error("users.defaultUser '" + settings.defaultUser() + "' names no tenant, and tenant "
                    + (tenant == null ? "(none)" : tenant.source().name()) + " has no destination twin to look in;"
                    + " write Tenant/username");
            return null;
        }
        UserRecord u = first(destination.id(), d.get().username());
        if (u == null) {
            error("users.defaultUser '" + settings.defaultUser() + "' does not exist in destination tenant "
                    + destination.name() + ", where unmatched users need it; write Tenant/username to name one user for all");
        }
        return u;
    }

    /** A bare default user that no decision needed must still exist somewhere, so mistakes show before they matter. */
    void checkConfigured(List<UserDecision> decisions) {
        if (settings.unmatched() != UnmatchedUsers.DEFAULT_USER || settings.defaultUserName().isEmpty()
                || settings.defaultUserName().get().tenant() != null
                || decisions.stream().anyMatch(x -> x.action() == UserAction.DEFAULT_USER)) {
            return;
        }
        String username = settings.defaultUserName().get().username();
        if (destinationTenants.stream().noneMatch(t -> first(t.id(), username) != null)) {
            error("users.defaultUser '" + settings.defaultUser() + "' does not exist in any destination tenant");
        }
    }

    private UserRecord qualified() {
        Optional<UsersSettings.DefaultUser> d = settings.defaultUserName();
        if (settings.unmatched() != UnmatchedUsers.DEFAULT_USER || d.isEmpty() || d.get().tenant() == null) {
            return null;
        }
        List<Tenant> named = destinationTenants.stream().filter(Tenant::active)
                .filter(t -> t.name().trim().equalsIgnoreCase(d.get().tenant())).toList();
        if (named.isEmpty()) {
            error("users.defaultUser '" + settings.defaultUser() + "': the destination has no tenant " + d.get().tenant()
                    + "; its tenants: " + String.join(", ", destinationTenants.stream().map(Tenant::name).sorted().toList()));
            return null;
        }
        for (Tenant t : named) {
            UserRecord u = first(t.id(), d.get().username());
            if (u != null) {
                return u;
            }
        }
        error("users.defaultUser '" + settings.defaultUser() + "' does not exist in destination tenant " + d.get().tenant());
        return null;
    }

    private UserRecord first(long tenantId, String username) {
        List<UserRecord> found = byUsername.get(IdentityResolver.slot(tenantId, username.trim().toLowerCase(Locale.ROOT)));
        return found == null ? null : found.get(0);
    }

    private void error(String message) {
        if (!errors.contains(message)) {
            errors.add(message);
        }
    }
}

package io.osmigrate.users;

import java.util.List;

import io.osmigrate.metamodel.Tenant;

/**
 * What happens to one user in scope: a source identity (the users sharing a tenant and match key; one
 * unless the source has duplicates) and its action. Immutable.
 *
 * @param tenant      the source tenant, or null for a user without one
 * @param members     every source user of the identity; references to any of them map alike
 * @param chosen      the member that represents them (the pick rule)
 * @param destination the matched, mapped or default destination user; null for the other actions
 * @param written     the values written for CREATE, UPDATE and RECREATE (pseudonyms when anonymised; the
 *                    password follows users.passwords); null otherwise
 * @param reason      why, in words (shown in the plan for unmatched users)
 *
 * <p>{@link #toString()} names users by id and username only: never a password hash.
 */
public record UserDecision(Tenant tenant, List<UserRecord> members, UserRecord chosen, UserAction action,
                           UserRecord destination, UserRecord written, String reason) {

    public UserDecision {
        members = List.copyOf(members);
    }

    public String tenantName() {
        return tenant == null ? "(no tenant)" : tenant.name();
    }

    @Override
    public String toString() {
        return "UserDecision[tenant=" + tenantName() + ", chosen=" + chosen.id() + " " + chosen.username() + ", members="
                + members.stream().map(UserRecord::id).toList() + ", action=" + action + ", destination="
                + (destination == null ? "null" : destination.id() + " " + destination.username()) + ", written="
                + (written == null ? "null" : written.username()) + ", reason=" + reason + "]";
    }
}

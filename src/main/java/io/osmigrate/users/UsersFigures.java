package io.osmigrate.users;

/**
 * What the users phase did for one source tenant, for the run report.
 *
 * @param tenantCreated    the tenant itself was created in the destination
 * @param inScope          users in scope (source identities: duplicates count once)
 * @param matched          matched by tenant and key (updated and recreated ones included)
 * @param mapped           mapped by the mapping file
 * @param defaultUser      mapped to users.defaultUser
 * @param nulled           unmatched, references emptied where optional
 * @param deadLettered     unmatched, rows that reference them dead-lettered
 * @param withoutPassword  created (or recreated) with a password value that matches no password
 */
public record UsersFigures(String tenant, boolean tenantCreated, int inScope, int matched, int updated, int recreated,
                           int mapped, int created, int defaultUser, int nulled, int deadLettered, int withoutPassword,
                           int userRoles, int groups, int groupRoles, int groupUsers) {
}

package io.osmigrate.users;

import io.osmigrate.metamodel.Tenant;

/**
 * One source tenant and its destination twin, matched by (name, user-provider espace SS_Key).
 *
 * @param destination        the twin, or null when the destination has none
 * @param create             the users phase creates it (tenants.missing: create, and something uses it)
 * @param used               users in scope or moved rows use it
 * @param it                 the ServiceCenter tenant of IT users, which never move
 * @param destinationProvider the destination espace id of its user provider, for a tenant to create
 */
public record TenantDecision(Tenant source, Tenant destination, boolean create, boolean used, boolean it,
                             Long destinationProvider) {

    /** "matched", "to create" or "missing", as the plan shows it. */
    public String state() {
        return destination != null ? "matched" : create ? "to create" : "missing";
    }
}

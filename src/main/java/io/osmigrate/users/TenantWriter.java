package io.osmigrate.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.osmigrate.env.Environment;

/**
 * Creates missing tenants in the destination's OSSYS_TENANT (tenants.missing: create). A tenant that
 * exists by then (an earlier, interrupted run created it) is found by name and provider and not created
 * again. Where ID is no identity, the next id is MAX(ID) + 1 within the caller's transaction. Thread-safe.
 */
final class TenantWriter {

    private final PlatformRowWriter tenants;

    TenantWriter(Environment destination) {
        this.tenants = new PlatformRowWriter(destination, "OSSYS_TENANT");
    }

    /** The destination id of the tenant of that name under that user-provider espace, created when missing. */
    long ensure(Connection c, String name, long providerEspaceId) throws SQLException {
        Long existing = find(c, name, providerEspaceId);
        if (existing != null) {
            return existing;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("NAME", name);
        values.put("ESPACE_ID", providerEspaceId);
        values.put("IS_ACTIVE", true);
        values.put("IS_DEFAULT", false);
        return tenants.insert(c, values, "ID");
    }

    private Long find(Connection c, String name, long providerEspaceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + tenants.column("ID") + " FROM " + tenants.table()
                + " WHERE UPPER(" + tenants.column("NAME") + ") = ? AND " + tenants.column("ESPACE_ID") + " = ?")) {
            ps.setString(1, name.trim().toUpperCase(Locale.ROOT));
            ps.setLong(2, providerEspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}

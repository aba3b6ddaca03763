package io.osmigrate.users;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.osmigrate.config.Secrets;
import io.osmigrate.env.Environment;

/**
 * Writes OSSYS_USER rows of the destination: creates, updates (name, email, mobile phone, external id,
 * active flag, and the password hash when one is given) and recreates users, whose user roles and group
 * memberships move to the new row. Runs on the caller's connection and transaction. Thread-safe.
 *
 * <p>A failed write of a user throws an {@link SQLException} of its own: the driver's message with the
 * password values it may show (the one written, and on update the row's own) and any long fragment of
 * them masked, its SQLState and error code, and no cause, since drivers echo values (PostgreSQL's
 * "Failing row contains (…)", H2's "Value too long", SQL Server's "Truncated value") and the message goes
 * to the log and the run report.
 */
final class UserWriter {

    /** Starts every password value osmigrate writes for a user without a copied hash: no hash format starts so. */
    static final String NO_PASSWORD_PREFIX = "#osmigrate-no-password#";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformRowWriter users;
    private final PlatformRowWriter userRoles;
    private final PlatformRowWriter groupUsers;

    UserWriter(Environment destination) {
        this.users = new PlatformRowWriter(destination, "OSSYS_USER");
        this.userRoles = new PlatformRowWriter(destination, "OSSYS_USER_ROLE");
        this.groupUsers = new PlatformRowWriter(destination, "OSSYS_GROUP_USER");
    }

    /**
     * A password value no password matches: not a hash format the platform knows, and random, so even a
     * platform that compared it as plain text would not let anyone in.
     */
    static String noPassword() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return NO_PASSWORD_PREFIX + HexFormat.of().formatHex(b);
    }

    /** Creates a user in the destination tenant; {@code password} null means a value that cannot log in. */
    long create(Connection c, UserRecord v, Long destinationTenant) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("TENANT_ID", destinationTenant);
        values.put("USERNAME", v.username());
        values.put("NAME", v.name());
        values.put("PASSWORD", v.password() == null ? noPassword() : v.password());
        values.put("EMAIL", v.email());
        values.put("MOBILEPHONE", v.mobilePhone());
        values.put("EXTERNAL_ID", v.externalId());
        values.put("CREATION_DATE", v.creationDate());
        values.put("LAST_LOGIN", v.lastLogin());
        values.put("IS_ACTIVE", v.active());
        try {
            return users.insert(c, values, "ID");
        } catch (SQLException e) {
            throw masked("cannot create user " + v.username() + " in OSSYS_USER", e, (String) values.get("PASSWORD"));
        }
    }

    /**
     * Updates the attributes the source owns on {@code twin}; the password only when {@code v} carries one
     * (passwords: copy). A failure masks both hashes: PostgreSQL's "Failing row" shows the whole row.
     */
    void update(Connection c, UserRecord twin, UserRecord v) throws SQLException {
        long id = twin.id();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("NAME", v.name());
        values.put("EMAIL", v.email());
        values.put("MOBILEPHONE", v.mobilePhone());
        values.put("EXTERNAL_ID", v.externalId());
        values.put("IS_ACTIVE", v.active());
        if (v.password() != null) {
            values.put("PASSWORD", v.password());
        }
        try {
            users.update(c, values, "ID", id);
        } catch (SQLException e) {
            throw masked("cannot update user " + id + " (" + v.username() + ") in OSSYS_USER", e, v.password(), twin.password());
        }
    }

    /** What {@link #recreate} did: the new user's id and how many of the old user's links it carried over. */
    record Recreated(long id, int userRoles, int groupUsers) {
    }

    /**
     * Deletes a user and creates it again from {@code v} in its destination tenant, keeping its role links:
     * its OSSYS_USER_ROLE and OSSYS_GROUP_USER rows are read whole, deleted with it, and inserted again for
     * the new user with every other column as it was (each gets a new ID). Recreate replaces the user row, not
     * what the destination granted it; links the source has too are found by the link writer afterwards and
     * not duplicated. The old row goes before the new one comes, so a unique index on tenant and username,
     * should a platform have one, does not stand in the way.
     */
    Recreated recreate(Connection c, long id, UserRecord v, Long destinationTenant) throws SQLException {
        List<Map<String, Object>> roles = userRoles.select(c, "USER_ID", id);
        List<Map<String, Object>> groups = groupUsers.select(c, "USER_ID", id);
        userRoles.delete(c, "USER_ID", id);
        groupUsers.delete(c, "USER_ID", id);
        if (users.delete(c, "ID", id) != 1) {
            throw new SQLException("user " + id + " to recreate is no longer in OSSYS_USER");
        }
        long created = create(c, v, destinationTenant);
        for (Map<String, Object> link : roles) {
            relink(c, userRoles, link, created);
        }
        for (Map<String, Object> link : groups) {
            relink(c, groupUsers, link, created);
        }
        return new Recreated(created, roles.size(), groups.size());
    }

    private static void relink(Connection c, PlatformRowWriter table, Map<String, Object> link, long user) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>(link);
        values.remove("ID");
        values.put("USER_ID", user);
        table.insert(c, values, "ID");
    }

    /** The failure without the passwords: see the class comment. */
    static SQLException masked(String what, SQLException e, String... passwords) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (String password : passwords) {
            detail = Secrets.maskFragments(detail, password, 8);
        }
        return new SQLException(what + ": " + detail, e.getSQLState(), e.getErrorCode());
    }
}

package io.osmigrate.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.YamlLines;

/**
 * The checks of a spec's {@code users:} section that need no environment: settings that need each
 * other, and the shape of role and user names. Names are resolved against the environments when a
 * plan is made. Each message names the file, the line, the key and what is allowed. Stateless.
 */
final class UsersSpecCheck {

    private UsersSpecCheck() {
    }

    static UsersSettings check(Path file, String yaml, UsersSettings u) {
        if (u.roles().isEmpty()) {
            if (u.select() == UserSelection.WITH_ROLES) {
                fail(file, yaml, "select", "users.select is 'with-roles' but users.roles is empty; list the roles whose users"
                        + " move, as Module.Role (e.g. OrdersCore.OrderManager)");
            }
            if (u.roleLinks() == RoleLinks.LISTED) {
                fail(file, yaml, "roleLinks", "users.roleLinks is 'listed' but users.roles is empty; list the roles whose"
                        + " links move, as Module.Role, or use roleLinks: all or none");
            }
        } else if (u.select() != UserSelection.WITH_ROLES && u.roleLinks() != RoleLinks.LISTED) {
            fail(file, yaml, "roles", "users.roles is only read by select: with-roles and roleLinks: listed; set one of them,"
                    + " or remove users.roles");
        }
        for (int i = 0; i < u.roles().size(); i++) {
            String role = u.roles().get(i);
            int dot = role.lastIndexOf('.');
            if (dot <= 0 || dot == role.length() - 1) {
                fail(file, yaml, List.of("users", "roles", "[" + i + "]"), "users.roles[" + i
                        + "] is not a role name; write Module.Role, e.g. OrdersCore.OrderManager");
            }
        }
        if (!u.tenants().isEmpty() && u.select() != UserSelection.ALL) {
            fail(file, yaml, "tenants", "users.tenants is only read by select: all (the tenants whose users all move);"
                    + " set select: all, or remove users.tenants");
        }
        for (String tenant : u.tenants()) {
            if (tenant.isEmpty()) {
                fail(file, yaml, "tenants", "users.tenants has an empty tenant name");
            }
            if (tenant.equalsIgnoreCase("ServiceCenter")) {
                fail(file, yaml, "tenants", "users.tenants names ServiceCenter, the tenant of IT users, which never move;"
                        + " list end-user tenants only (e.g. Users)");
            }
        }
        if (u.unmatched() == UnmatchedUsers.DEFAULT_USER && u.defaultUser() == null) {
            fail(file, yaml, "unmatched", "users.unmatched is 'default-user' but users.defaultUser is missing; give a"
                    + " destination username, or Tenant/username");
        }
        if (u.defaultUser() != null) {
            if (u.unmatched() != UnmatchedUsers.DEFAULT_USER) {
                fail(file, yaml, "defaultUser", "users.defaultUser is set but users.unmatched is '" + u.unmatched().wire()
                        + "'; set unmatched: default-user to use it, or remove defaultUser");
            }
            UsersSettings.DefaultUser d = u.defaultUserName().orElseThrow();
            if (d.username().isEmpty() || d.username().contains("/") || d.tenant() != null && d.tenant().isEmpty()) {
                fail(file, yaml, "defaultUser", "users.defaultUser is not a user name; allowed: username or"
                        + " Tenant/username");
            }
        }
        if (u.anonymizeKey() != null && !u.anonymized()) {
            fail(file, yaml, "anonymizeKey", "users.anonymizeKey is set but users.anonymize is false; set anonymize: true,"
                    + " or remove anonymizeKey");
        }
        return u;
    }

    private static void fail(Path file, String yaml, String key, String message) {
        fail(file, yaml, List.of("users", key), message);
    }

    private static void fail(Path file, String yaml, List<String> keys, String message) {
        OptionalInt line = YamlLines.lineOf(yaml, new ArrayList<>(keys));
        throw new ConfigException(file + (line.isPresent() ? ", line " + line.getAsInt() : "") + ": " + message);
    }
}

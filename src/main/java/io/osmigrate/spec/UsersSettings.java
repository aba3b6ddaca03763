package io.osmigrate.spec;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code users:} section of a spec: which users move, how they are matched and written, and which
 * role links go with them. Every field left out takes osmigrate's default, so the fields are never
 * null. Immutable. {@link #toString()} never shows {@code anonymizeKey}.
 *
 * @param tenants      source tenant names for {@code select: all}; empty means every end-user tenant
 * @param roles        roles as "Module.Role", for {@code select: with-roles} and {@code roleLinks: listed}
 * @param defaultUser  the destination user of {@code unmatched: default-user}: "username" (looked up in the
 *                     unmatched user's own tenant) or "Tenant/username"; null when not given
 * @param mappingFile  a CSV of source username [, tenant] → destination username, applied before matching;
 *                     null when not given
 * @param anonymizeKey the secret of the deterministic anonymisation; null means osmigrate's fixed key
 */
public record UsersSettings(@JsonProperty("select") UserSelection select,
                            @JsonProperty("tenants") List<String> tenants,
                            @JsonProperty("roles") List<String> roles,
                            @JsonProperty("strategy") UserStrategy strategy,
                            @JsonProperty("unmatched") UnmatchedUsers unmatched,
                            @JsonProperty("defaultUser") String defaultUser,
                            @JsonProperty("duplicates") DuplicateUsers duplicates,
                            @JsonProperty("mappingFile") String mappingFile,
                            @JsonProperty("matchBy") UserMatchKey matchBy,
                            @JsonProperty("passwords") PasswordPolicy passwords,
                            @JsonProperty("anonymize") Boolean anonymize,
                            @JsonProperty("anonymizeKey") String anonymizeKey,
                            @JsonProperty("roleLinks") RoleLinks roleLinks) {

    public UsersSettings {
        select = select == null ? UserSelection.REFERENCED : select;
        tenants = tenants == null ? List.of() : tenants.stream().map(String::trim).toList();
        roles = roles == null ? List.of() : roles.stream().map(String::trim).toList();
        strategy = strategy == null ? UserStrategy.LOOKUP : strategy;
        unmatched = unmatched == null ? UnmatchedUsers.CREATE : unmatched;
        defaultUser = blankToNull(defaultUser);
        duplicates = duplicates == null ? DuplicateUsers.PICK : duplicates;
        mappingFile = blankToNull(mappingFile);
        matchBy = matchBy == null ? UserMatchKey.USERNAME : matchBy;
        passwords = passwords == null ? PasswordPolicy.KEEP_OUT : passwords;
        anonymize = anonymize != null && anonymize;
        anonymizeKey = anonymizeKey == null || anonymizeKey.isEmpty() ? null : anonymizeKey;
        roleLinks = roleLinks == null ? RoleLinks.ALL : roleLinks;
    }

    /** Every default: referenced users, looked up, unmatched ones created, no password copied. */
    public static UsersSettings defaults() {
        return new UsersSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean anonymized() {
        return anonymize;
    }

    /** The default user as (tenant or null, username). */
    public Optional<DefaultUser> defaultUserName() {
        if (defaultUser == null) {
            return Optional.empty();
        }
        int slash = defaultUser.indexOf('/');
        return Optional.of(slash < 0 ? new DefaultUser(null, defaultUser)
                : new DefaultUser(defaultUser.substring(0, slash).trim(), defaultUser.substring(slash + 1).trim()));
    }

    /** {@code users.defaultUser} split: {@code tenant} is null when the user's own tenant is meant. */
    public record DefaultUser(String tenant, String username) {
    }

    @Override
    public String toString() {
        return "UsersSettings[select=" + select.wire() + ", tenants=" + tenants + ", roles=" + roles + ", strategy="
                + strategy.wire() + ", unmatched=" + unmatched.wire() + ", defaultUser=" + defaultUser + ", duplicates="
                + duplicates.wire() + ", mappingFile=" + mappingFile + ", matchBy=" + matchBy.wire() + ", passwords="
                + passwords.wire() + ", anonymize=" + anonymize + ", anonymizeKey=" + (anonymizeKey == null ? "default" : "***")
                + ", roleLinks=" + roleLinks.wire() + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package io.osmigrate.users;

import java.util.Locale;

import io.osmigrate.spec.UserMatchKey;

/**
 * The key that, with the tenant, identifies a user in both environments: the username or the external id,
 * trimmed and lower-cased (SQL Server compares them case-insensitively). A source user's username key is
 * that of its pseudonym when usernames are anonymised, so re-runs find the users they created. Immutable
 * and thread-safe.
 */
final class MatchKeys {

    private final UserMatchKey by;
    private final Anonymizer anonymizer;

    /** {@code anonymizer} is null when usernames are kept. */
    MatchKeys(UserMatchKey by, Anonymizer anonymizer) {
        this.by = by;
        this.anonymizer = anonymizer;
    }

    /** The key of a source user, or null when it has none (an empty external id). */
    String source(UserRecord u) {
        if (by == UserMatchKey.EXTERNAL_ID) {
            return normalize(u.externalId());
        }
        return normalize(anonymizer == null ? u.username() : anonymizer.username(u.username()));
    }

    /** The key of a destination user, or null when it has none. */
    String destination(UserRecord u) {
        return normalize(by == UserMatchKey.EXTERNAL_ID ? u.externalId() : u.username());
    }

    UserMatchKey by() {
        return by;
    }

    static String normalize(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}

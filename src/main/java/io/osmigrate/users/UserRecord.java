package io.osmigrate.users;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;

/** A row of OSSYS_USER, the platform's User entity. */
public record UserRecord(long id, Long tenantId, String username, String name, String email, String mobilePhone,
                         String externalId, String password, LocalDateTime creationDate, LocalDateTime lastLogin,
                         boolean active) {

    /**
     * Which of several users with one tenant and username is "the" user: the active one, then the
     * latest login, then the lowest id.
     */
    public static final Comparator<UserRecord> PREFERRED = Comparator
            .comparing((UserRecord u) -> !u.active())
            .thenComparing(u -> u.lastLogin() == null ? LocalDateTime.MIN : u.lastLogin(), Comparator.reverseOrder())
            .thenComparingLong(UserRecord::id);

    /** Usernames compare case-insensitively, as under SQL Server's required CI collation. */
    public String usernameKey() {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}

package io.osmigrate.users;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;

/**
 * A row of OSSYS_USER, the platform's User entity. {@link #toString()} never shows the password hash, so a
 * record may be logged or put in a message.
 */
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

    /** Every field but the password, which shows only whether there is one. */
    @Override
    public String toString() {
        return "UserRecord[id=" + id + ", tenantId=" + tenantId + ", username=" + username + ", name=" + name + ", email="
                + email + ", mobilePhone=" + mobilePhone + ", externalId=" + externalId + ", password="
                + (password == null ? "null" : "(hidden)") + ", creationDate=" + creationDate + ", lastLogin=" + lastLogin
                + ", active=" + active + "]";
    }
}

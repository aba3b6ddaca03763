package io.osmigrate.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.osmigrate.metamodel.Tenant;

/** Password hashes never reach text: records print without them, and a failed write's message masks them. */
class PasswordTextTest {

    private static final String HASH = "$1$5f4dcc3b5aa765d61d8327deb882cf99";
    private static final String OTHER_HASH = "$1$0d107d09f5bbe40cade3de5c71e9e9b7";

    @Test
    void usersAndDecisionsPrintWithoutTheirHashes() {
        UserRecord source = user(3, HASH);
        UserRecord twin = user(103, OTHER_HASH);
        UserDecision decision = new UserDecision(new Tenant(1, "Users", "k", true), List.of(source), source,
                UserAction.RECREATE, twin, source, "matched");

        assertThat(source.toString()).contains("anna@example.com").contains("password=(hidden)").doesNotContain(HASH);
        assertThat(user(4, null).toString()).contains("password=null");
        assertThat(decision.toString()).contains("RECREATE").contains("103").doesNotContain(HASH).doesNotContain(OTHER_HASH);
        assertThat(List.of(decision).toString()).doesNotContain(HASH);
    }

    @Test
    void aFailedWriteKeepsTheDriversWordsButNotTheHash() {
        SQLException driver = new SQLException("ERROR: new row violates check constraint\n  Detail: Failing row contains"
                + " (3, 1, anna, " + HASH + "). Truncated value: '" + HASH.substring(0, 12) + "'", "23514", 0,
                new SQLException("cause " + HASH));

        SQLException masked = UserWriter.masked("cannot create user anna in OSSYS_USER", driver, HASH);

        assertThat(masked.getMessage()).startsWith("cannot create user anna in OSSYS_USER: ERROR: new row violates check")
                .contains("Failing row contains (3, 1, anna, ***)").doesNotContain(HASH).doesNotContain(HASH.substring(0, 12));
        assertThat(masked.getSQLState()).isEqualTo("23514");
        assertThat(masked.getCause()).as("the driver's exception, which holds the value, is not chained").isNull();
        assertThat(UserWriter.masked("cannot update user 7", new SQLException("row (7, " + OTHER_HASH + ", " + HASH + ")"),
                null, OTHER_HASH, HASH).getMessage()).isEqualTo("cannot update user 7: row (7, ***, ***)");
    }

    private static UserRecord user(long id, String password) {
        LocalDateTime t = LocalDateTime.of(2023, 5, 1, 10, 0);
        return new UserRecord(id, 1L, "anna@example.com", "Anna", "anna@example.com", null, "EXT-" + id, password, t, t, true);
    }
}

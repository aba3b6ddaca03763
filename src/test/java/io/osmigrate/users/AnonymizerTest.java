package io.osmigrate.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Deterministic pseudonyms: stable across instances, keyed, case-insensitive where the value is. */
class AnonymizerTest {

    private final Anonymizer a = new Anonymizer(null);

    @Test
    void theSameInputGivesTheSameOutputOnEveryInstance() {
        Anonymizer other = new Anonymizer(null);
        assertThat(a.username("anna.smith@example.com")).isEqualTo(other.username("anna.smith@example.com"));
        assertThat(a.name("Anna Smith")).isEqualTo(other.name("Anna Smith"));
        assertThat(a.mobilePhone("+351 912 345 678")).isEqualTo(other.mobilePhone("+351 912 345 678"));
    }

    @Test
    void outputsHaveTheDocumentedShapeAndHideTheInput() {
        String username = a.username("anna.smith@example.com");
        assertThat(username).matches("user-[0-9a-f]{12}@anonymized\\.invalid").doesNotContain("anna");
        assertThat(a.username("anna.smith")).matches("user-[0-9a-f]{12}");
        assertThat(a.email("anna.smith@example.com")).isEqualTo(username);
        assertThat(a.name("Anna Smith")).matches("User [0-9A-F]{8}");
        assertThat(a.mobilePhone("+351 912 345 678")).matches("\\+000 [0-9]{9}");
        assertThat(a.mobilePhone(null)).isNull();
        assertThat(a.email("")).isEmpty();
    }

    @Test
    void usernamesAndEmailsIgnoreCaseAsSqlServerDoes() {
        assertThat(a.username("Anna.Smith@Example.com")).isEqualTo(a.username("anna.smith@example.com"));
        assertThat(a.username("anna.smith@example.com")).isNotEqualTo(a.username("anna.smyth@example.com"));
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() {
        assertThat(new Anonymizer("team secret").username("anna@example.com")).isNotEqualTo(a.username("anna@example.com"));
        assertThat(new Anonymizer("team secret").toString()).doesNotContain("team secret");
    }

    @Test
    void applyKeepsTheExternalIdAndEverythingThatIsNotPersonal() {
        LocalDateTime created = LocalDateTime.of(2021, 5, 4, 3, 2, 1);
        UserRecord u = new UserRecord(7, 3L, "anna@example.com", "Anna", "anna@example.com", "912345678", "EXT-1", "$1$hash",
                created, created.plusDays(1), true);
        UserRecord x = a.apply(u);
        assertThat(x.externalId()).isEqualTo("EXT-1");
        assertThat(x.password()).isEqualTo("$1$hash");
        assertThat(x.creationDate()).isEqualTo(created);
        assertThat(x.tenantId()).isEqualTo(3L);
        assertThat(x.active()).isTrue();
        assertThat(x.username()).isEqualTo(a.username("anna@example.com"));
        assertThat(x.name()).isNotEqualTo("Anna");
    }
}

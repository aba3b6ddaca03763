package io.osmigrate.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.osmigrate.metamodel.Tenant;
import io.osmigrate.plan.UsersPlan;
import io.osmigrate.spec.UsersSettings;

/**
 * The rule that picks one of several users with the same tenant and username: the active one, then the
 * latest LAST_LOGIN (a user who never logged in comes last), then the lowest id. Checked on the comparator
 * and through {@link IdentityResolver} on both sides, without a database.
 */
class DuplicatePickRuleTest {

    private static final LocalDateTime EARLY = LocalDateTime.of(2021, 1, 1, 8, 0);
    private static final LocalDateTime LATE = LocalDateTime.of(2024, 6, 1, 8, 0);
    private static final Tenant SOURCE_TENANT = new Tenant(1, "Users", "provider-key", true);
    private static final Tenant DESTINATION_TENANT = new Tenant(7, "Users", "provider-key", true);

    @Test
    void anActiveUserWinsOverAnInactiveOneWithALaterLoginAndALowerId() {
        UserRecord inactive = user(1, "Anna", LATE, false);
        UserRecord active = user(9, "anna", EARLY, true);
        assertThat(pick(inactive, active)).isEqualTo(9);
        assertThat(pick(active, inactive)).isEqualTo(9);
    }

    @Test
    void amongActiveUsersTheLatestLoginWinsOverALowerId() {
        assertThat(pick(user(1, "anna", EARLY, true), user(9, "anna", LATE, true))).isEqualTo(9);
        assertThat(pick(user(1, "anna", null, true), user(9, "anna", EARLY, true)))
                .as("a user who never logged in comes after one who did").isEqualTo(9);
    }

    @Test
    void withTheSameFlagAndLoginTheLowestIdWins() {
        assertThat(pick(user(9, "anna", LATE, true), user(4, "anna", LATE, true))).isEqualTo(4);
        assertThat(pick(user(9, "anna", null, false), user(4, "anna", null, false))).isEqualTo(4);
    }

    @Test
    void theResolverPicksBySourceRuleAndMapsEveryMemberToTheDestinationPick() {
        List<UserRecord> source = List.of(
                user(2, "Anna", LATE, false),     // inactive: last despite the latest login and lowest id
                user(5, "anna", EARLY, true),
                user(8, "ANNA", LATE, true),      // active, latest login, but a twin below has a lower id
                user(3, "anna", LATE, true));     // active, latest login, lowest such id: picked
        List<UserRecord> destination = List.of(
                destinationUser(100, "anna", LATE, false),
                destinationUser(120, "Anna", EARLY, true),
                destinationUser(110, "anna", EARLY, true)); // active, same login as 120, lower id: picked

        IdentityResolver.Result result = resolver(destination).resolve(source, Set.of(2L, 3L, 5L, 8L));

        UserDecision decision = result.decisions().stream().filter(d -> d.chosen().usernameKey().equals("anna"))
                .findFirst().orElseThrow();
        assertThat(decision.chosen().id()).isEqualTo(3);
        assertThat(decision.members()).extracting(UserRecord::id).containsExactly(3L, 8L, 5L, 2L);
        assertThat(decision.action()).isEqualTo(UserAction.MATCH);
        assertThat(decision.destination().id()).isEqualTo(110);
        assertThat(result.duplicates()).extracting(UsersPlan.DuplicateUsers::side, UsersPlan.DuplicateUsers::picked)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("source", 3L),
                        org.assertj.core.groups.Tuple.tuple("destination", 110L));
    }

    @Test
    void theResolverPrefersTheLatestLoginAmongActiveSourceUsers() {
        List<UserRecord> source = List.of(user(4, "bob", EARLY, true), user(6, "Bob", LATE, true), user(5, "bob", null, true));
        IdentityResolver.Result result = resolver(List.of()).resolve(source, Set.of(4L, 5L, 6L));
        UserDecision decision = result.decisions().get(0);
        assertThat(decision.chosen().id()).isEqualTo(6);
        assertThat(decision.action()).isEqualTo(UserAction.CREATE);
        assertThat(decision.written().username()).as("the picked user's spelling is created").isEqualTo("Bob");
    }

    private static long pick(UserRecord... users) {
        return List.of(users).stream().sorted(UserRecord.PREFERRED).collect(Collectors.toList()).get(0).id();
    }

    private static IdentityResolver resolver(List<UserRecord> destination) {
        TenantDecision tenant = new TenantDecision(SOURCE_TENANT, DESTINATION_TENANT, false, true, false, null);
        return new IdentityResolver(UsersSettings.defaults(), List.of(tenant), List.of(DESTINATION_TENANT), destination,
                List.of());
    }

    private static UserRecord user(long id, String username, LocalDateTime lastLogin, boolean active) {
        return record(id, SOURCE_TENANT.id(), username, lastLogin, active);
    }

    private static UserRecord destinationUser(long id, String username, LocalDateTime lastLogin, boolean active) {
        return record(id, DESTINATION_TENANT.id(), username, lastLogin, active);
    }

    private static UserRecord record(long id, long tenant, String username, LocalDateTime lastLogin, boolean active) {
        return new UserRecord(id, tenant, username, "Name " + id, username.toLowerCase() + "@example.com", null,
                "EXT-" + id, "$1$hash" + id, EARLY.minusYears(1), lastLogin, active);
    }
}

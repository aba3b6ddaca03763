package io.osmigrate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.osmigrate.app.Plans;
import io.osmigrate.config.ConfigException;
import io.osmigrate.env.Environment;
import io.osmigrate.maps.TenantMap;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.Finding;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.plan.UsersPlan;
import io.osmigrate.pipeline.Phase;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;
import io.osmigrate.testsupport.LogCapture;

/**
 * The users phase against sample environments, run through {@link io.osmigrate.run.RunService} as the
 * command line runs it: each strategy and unmatched handling, duplicates on both sides, the mapping file,
 * role links through groups, an anonymised run matched by external id, tenants, and re-runs that change
 * nothing. Subclasses supply the engine; each test gets a fresh destination next to a shared source.
 */
abstract class UsersPhaseContract {

    static final SampleOptions SAMPLE = SampleOptions.of(300);

    /** A fresh destination (made by the sample generator) beside the class's source, with a runtime around them. */
    abstract UsersFixture fixture() throws Exception;

    /**
     * A connection that may write to the class's shared source, for a test that changes it and puts it back.
     * Only while no fixture is open: an H2 source open for writing cannot be opened read-only by a runtime.
     */
    abstract java.sql.Connection writableSource() throws Exception;

    // ---------------------------------------------------------------- referenced users, end to end

    @Test
    void referencedUsersAreCreatedSoEveryRowMovesAndEveryUserReferenceKeepsItsTenantAndUsername() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("");
            Plan plan = f.plan(spec);
            assertThat(plan.runnable()).isTrue();
            UsersPlan users = plan.users();
            int toCreate = users.tenants().stream().mapToInt(UsersPlan.TenantUsers::toCreate).sum();
            assertThat(toCreate).isPositive();
            assertThat(users.tenants()).extracting(UsersPlan.TenantUsers::tenant).containsExactly("Acme", "Globex", "Users");
            assertThat(users.unmatched()).hasSize(toCreate).allMatch(u -> u.handling().equals("create"));
            assertThat(users.roles()).anySatisfy(r -> {
                assertThat(r.role()).isEqualTo("SupportCore.SupportLead");
                assertThat(r.inDestination()).isFalse();
                assertThat(r.linked()).isFalse();
            });
            assertThat(PlanPrinter.print(plan)).contains("Users (select referenced, strategy lookup, unmatched create")
                    .contains("Role coverage").containsPattern("SupportCore\\.SupportLead +NO");
            assertThat(PlanJson.read(f.file("plan.json", PlanJson.toJson(plan)))).isEqualTo(plan);
            Set<Long> usersBefore = f.identities(f.destination()).keySet();

            RunReport report = f.run(spec);

            assertThat(report.state()).isEqualTo("SUCCEEDED");
            assertThat(report.deadLetters()).isZero();
            int created = report.users().stream().mapToInt(UsersFigures::created).sum();
            assertThat(created).isEqualTo(toCreate);
            assertThat(report.users().stream().mapToInt(UsersFigures::withoutPassword).sum()).isEqualTo(created);
            assertThat(ReportPrinter.print(report)).contains("Users (users phase, per source tenant)")
                    .contains(created + " users were created without a usable password");
            assertThat(everyUserReferenceKeepsItsIdentity(f, plan)).isGreaterThan(50);
            Set<String> keptOut = new HashSet<>();
            for (Object[] u : f.rows(f.destination(), "SELECT ID, USERNAME, NAME, EMAIL, EXTERNAL_ID, PASSWORD FROM OSSYS_USER")) {
                if (usersBefore.contains(((Number) u[0]).longValue())) {
                    continue;
                }
                Object[] twin = f.rows(f.source(), "SELECT USERNAME, NAME, EMAIL, EXTERNAL_ID FROM OSSYS_USER WHERE USERNAME = ?"
                        + " AND IS_ACTIVE = " + active(f.source()), u[1]).get(0);
                assertThat(new Object[] {u[1], u[2], u[3], u[4]}).containsExactly(twin);
                assertThat(u[5].toString()).startsWith(UserWriter.NO_PASSWORD_PREFIX);
                keptOut.add(u[5].toString());
            }
            assertThat(keptOut).as("passwords: keep-out gives every new user its own random value").hasSize(created);
            Set<String> hashes = new HashSet<>();
            UserTable.read(f.source()).forEach(u -> hashes.add(u.password()));
            assertThat(keptOut).as("a value that matches no source hash").doesNotContainAnyElementsOf(hashes);

            String before = f.userTablesSnapshot();
            RunReport again = f.run(spec);
            assertThat(again.deadLetters()).isZero();
            assertThat(again.users()).allSatisfy(u -> {
                assertThat(u.created() + u.updated() + u.recreated() + u.userRoles() + u.groups() + u.groupRoles()
                        + u.groupUsers()).isZero();
            });
            assertThat(f.userTablesSnapshot()).isEqualTo(before);
        }
    }

    // ---------------------------------------------------------------- which users

    @Test
    void selectNoneWritesNoUserButStillLooksTheReferencedOnesUp() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  select: none\n  strategy: update\n");
            Plans.Planned planned = Plans.prepare(f.runtime(), spec, false);
            assertThat(planned.plan().users().tenants()).isNotEmpty().allSatisfy(t -> assertThat(t.inScope()).isZero());
            assertThat(planned.plan().users().unmatched()).isEmpty();
            String before = f.userTablesSnapshot();

            RunReport report = f.run(spec, Phase.USERS);

            assertThat(report.state()).isEqualTo("SUCCEEDED");
            assertThat(report.users()).allSatisfy(u -> assertThat(u.inScope()).isZero());
            assertThat(f.userTablesSnapshot()).as("no user created, updated or linked").isEqualTo(before);
            UsersPhase.Outcome outcome = UsersPhase.run(f.destination(), planned.destination().metamodel(), planned.users(),
                    new TenantMap(planned.source().metamodel(), planned.destination().metamodel()));
            Map<Long, String> src = f.identities(f.source());
            Map<Long, String> dst = f.identities(f.destination());
            int lookedUp = 0;
            int unmatched = 0;
            for (long id : referencedSourceUsers(f)) {
                Long mapped = outcome.users().get(id);
                if (dst.containsValue(src.get(id))) {
                    assertThat(dst.get(mapped)).as("source user " + id).isEqualTo(src.get(id));
                    lookedUp++;
                } else {
                    assertThat(mapped).as("source user " + id).isNull();
                    unmatched++;
                }
            }
            assertThat(lookedUp).isPositive();
            assertThat(unmatched).isPositive();
        }
    }

    @Test
    void selectAllWithATenantListMovesTheUsersOfThoseTenantsOnly() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  select: all\n  tenants: [acme]\n");
            Set<String> acme = preferredByIdentity(f, f.source()).keySet().stream().filter(k -> k.startsWith("Acme|"))
                    .collect(Collectors.toSet());
            Plan plan = f.plan(spec);
            assertThat(plan.users().tenants()).filteredOn(t -> t.inScope() > 0).extracting(UsersPlan.TenantUsers::tenant)
                    .containsExactly("Acme");
            assertThat(plan.users().tenants().stream().mapToInt(UsersPlan.TenantUsers::inScope).sum()).isEqualTo(acme.size());
            Set<String> before = new HashSet<>(f.identities(f.destination()).values());

            RunReport report = f.run(spec, Phase.USERS);

            Set<String> after = new HashSet<>(f.identities(f.destination()).values());
            assertThat(after).containsAll(acme);
            Set<String> createdNow = new HashSet<>(after);
            createdNow.removeAll(before);
            assertThat(createdNow).isNotEmpty().allMatch(k -> k.startsWith("Acme|"));
            assertThat(report.users()).filteredOn(u -> u.created() > 0).extracting(UsersFigures::tenant).containsExactly("Acme");
            assertThat(f.identities(f.source()).values()).as("the other tenants have unmatched users that stay out")
                    .anyMatch(k -> !k.startsWith("Acme|") && !k.startsWith("ServiceCenter|") && !after.contains(k));
            assertThatThrownBy(() -> f.plan(f.spec("users:\n  select: all\n  tenants: [Acme, Nowhere]\n")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("users.tenants: no tenant 'Nowhere' in the source")
                    .hasMessageContaining("Acme, Globex, Users");
        }
    }

    // ---------------------------------------------------------------- lookup: unmatched handling

    @Test
    void unmatchedEmptyEmptiesOptionalReferencesAndDeadLettersRowsWithMandatoryOnes() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  unmatched: empty\n");
            String before = f.userTablesSnapshot();
            RunReport report = f.run(spec);
            Set<Long> unmatched = unmatchedSourceUsers(f);
            assertThat(unmatched).isNotEmpty();
            Plan plan = f.plan(spec);
            int[] nulled = {0};
            everyUserReference(f, plan, (attribute, source, destination) -> {
                if (unmatched.contains(source)) {
                    assertThat(destination).as(attribute).isNull();
                    nulled[0]++;
                } else {
                    assertThat(destination).as(attribute).isNotNull();
                }
            });
            assertThat(nulled[0]).isPositive();
            List<DeadLetter> dead = f.runtime().state().deadLetters().list(report.runId());
            assertThat(dead).filteredOn(d -> d.reason().equals("user-unmatched"))
                    .isNotEmpty().allSatisfy(d -> assertThat(d.entity()).isIn("OrdersCore.Order", "SupportCore.TicketComment"));
            assertThat(f.userTablesSnapshot().split("--")[1]).as("no user is created under unmatched: empty")
                    .isEqualTo(before.split("--")[1]);
            assertThat(report.users().stream().mapToInt(UsersFigures::nulled).sum()).isEqualTo(
                    plan.users().tenants().stream().mapToInt(UsersPlan.TenantUsers::toEmpty).sum()).isPositive();
        }
    }

    @Test
    void unmatchedDeadLetterDeadLettersEveryRowThatReferencesAnUnmatchedUser() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  unmatched: dead-letter\ndefaults:\n  unresolvedReference: empty\n");
            RunReport report = f.run(spec);
            Set<Long> unmatched = unmatchedSourceUsers(f);
            List<DeadLetter> dead = f.runtime().state().deadLetters().list(report.runId()).stream()
                    .filter(d -> d.reason().equals("user-unmatched")).toList();
            assertThat(dead).extracting(DeadLetter::entity).contains("OrdersCore.Customer", "OrdersCore.Order");
            everyUserReference(f, f.plan(spec), (attribute, source, destination) -> {
                assertThat(unmatched).as("a row of an unmatched user moved through " + attribute).doesNotContain(source);
                assertThat(destination).isNotNull();
            });
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER WHERE PASSWORD LIKE ?",
                    UserWriter.NO_PASSWORD_PREFIX + "%")).isZero();
        }
    }

    @Test
    void unmatchedUsersMapToTheDefaultUser() throws Exception {
        try (UsersFixture f = fixture()) {
            Object[] fallback = f.rows(f.destination(), "SELECT u.ID, u.USERNAME FROM OSSYS_USER u JOIN OSSYS_TENANT t"
                    + " ON t.ID = u.TENANT_ID WHERE t.NAME = 'Users' AND u.USERNAME LIKE 'new.%' ORDER BY u.ID").get(0);
            MigrationSpec spec = f.spec("users:\n  unmatched: default-user\n  defaultUser: Users/" + fallback[1] + "\n");
            Plan plan = f.plan(spec);
            assertThat(plan.users().unmatched()).isNotEmpty().allSatisfy(u -> assertThat(u.handling())
                    .isEqualTo("default user " + fallback[1] + " (id " + fallback[0] + ")"));
            String before = f.userTablesSnapshot();
            RunReport report = f.run(spec);
            assertThat(report.deadLetters()).isZero();
            Set<Long> unmatched = unmatchedSourceUsers(f);
            Map<Long, String> src = f.identities(f.source());
            Map<Long, String> dst = f.identities(f.destination());
            long defaulted = everyUserReference(f, plan, (attribute, source, destination) -> {
                if (unmatched.contains(source)) {
                    assertThat(destination).isEqualTo(((Number) fallback[0]).longValue());
                } else {
                    assertThat(dst.get(destination)).isEqualTo(src.get(source));
                }
            });
            assertThat(defaulted).isPositive();
            assertThat(report.users().stream().mapToInt(UsersFigures::defaultUser).sum()).isPositive();
            assertThat(f.userTablesSnapshot().split("--")[1]).isEqualTo(before.split("--")[1]);

            assertThatThrownBy(() -> f.plan(f.spec("users:\n  unmatched: default-user\n  defaultUser: nobody@example.org\n")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("users.defaultUser 'nobody@example.org' does not exist in destination tenant");
            assertThatThrownBy(() -> f.plan(f.spec("users:\n  unmatched: default-user\n  defaultUser: Nowhere/x\n")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("the destination has no tenant Nowhere");
        }
    }

    // ---------------------------------------------------------------- update, recreate, skip

    @Test
    void updateCopiesTheSourceAttributesOntoMatchedUsersOnceAndThenChangesNothing() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  select: all\n  strategy: update\n");
            Plan plan = f.plan(spec);
            int toUpdate = plan.users().tenants().stream().mapToInt(UsersPlan.TenantUsers::toUpdate).sum();
            assertThat(toUpdate).isPositive();
            Map<String, UserRecord> usernamesBefore = preferredByIdentity(f, f.destination());
            RunReport report = f.run(spec, Phase.USERS);
            assertThat(report.users().stream().mapToInt(UsersFigures::updated).sum()).isEqualTo(toUpdate);
            Map<String, UserRecord> after = preferredByIdentity(f, f.destination());
            int compared = 0;
            for (Map.Entry<String, UserRecord> e : preferredByIdentity(f, f.source()).entrySet()) {
                UserRecord twin = after.get(e.getKey());
                if (twin == null || !usernamesBefore.containsKey(e.getKey()) || e.getKey().startsWith("ServiceCenter|")) {
                    continue;
                }
                UserRecord s = e.getValue();
                assertThat(new Object[] {twin.name(), twin.email(), twin.mobilePhone(), twin.externalId(), twin.active()})
                        .containsExactly(s.name(), s.email(), s.mobilePhone(), s.externalId(), s.active());
                assertThat(twin.username()).as("the username keeps the destination's spelling")
                        .isEqualTo(usernamesBefore.get(e.getKey()).username());
                assertThat(twin.password()).isEqualTo(usernamesBefore.get(e.getKey()).password());
                compared++;
            }
            assertThat(compared).isEqualTo(toUpdate);
            assertThat(f.rows(f.destination(), "SELECT NAME FROM OSSYS_USER WHERE USERNAME = 'dev.lead'").get(0)[0])
                    .as("IT users of the ServiceCenter tenant never move, not even under select: all").isEqualTo("Dev Lead (QA)");

            String before = f.userTablesSnapshot();
            RunReport again = f.run(spec, Phase.USERS);
            assertThat(again.users().stream().mapToInt(UsersFigures::updated).sum()).isZero();
            assertThat(f.userTablesSnapshot()).isEqualTo(before);
        }
    }

    @Test
    void recreateDeletesAndCreatesDifferingUsersAfterTheCleanAndTheDataFollows() throws Exception {
        try (UsersFixture f = fixture()) {
            assertThat(f.run(f.spec("")).deadLetters()).isZero();
            MigrationSpec spec = f.spec("clean: true\nusers:\n  strategy: recreate\n");
            Plan plan = f.plan(spec);
            assertThat(plan.runnable()).as(plan.errors().toString()).isTrue();
            Map<String, UserRecord> before = preferredByIdentity(f, f.destination());
            int toRecreate = plan.users().tenants().stream().mapToInt(UsersPlan.TenantUsers::toRecreate).sum();
            assertThat(toRecreate).isPositive();

            RunReport report = f.run(spec);

            assertThat(report.state()).isEqualTo("SUCCEEDED");
            assertThat(report.deadLetters()).isZero();
            assertThat(report.users().stream().mapToInt(UsersFigures::recreated).sum()).isEqualTo(toRecreate);
            assertThat(everyUserReferenceKeepsItsIdentity(f, plan)).isPositive();
            Map<String, UserRecord> after = preferredByIdentity(f, f.destination());
            Map<String, UserRecord> source = preferredByIdentity(f, f.source());
            int recreated = 0;
            for (Map.Entry<String, UserRecord> e : after.entrySet()) {
                UserRecord old = before.get(e.getKey());
                if (old != null && old.id() != e.getValue().id()) {
                    UserRecord s = source.get(e.getKey());
                    assertThat(e.getValue().username()).isEqualTo(s.username());
                    assertThat(e.getValue().name()).isEqualTo(s.name());
                    assertThat(e.getValue().password()).as("keep-out keeps the destination's own hash").isEqualTo(old.password());
                    assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER WHERE ID = ?", old.id())).isZero();
                    recreated++;
                }
            }
            assertThat(recreated).isEqualTo(toRecreate);

            assertNoDuplicateLinks(f);
            String snapshot = f.userTablesSnapshot();
            RunReport again = f.run(spec, Phase.USERS);
            assertThat(again.users().stream().mapToInt(UsersFigures::recreated).sum()).as("identical users stay").isZero();
            assertThat(f.userTablesSnapshot()).isEqualTo(snapshot);
        }
    }

    @Test
    void recreateKeepsTheRoleLinksOnlyTheDestinationGaveTheUsersItRecreates() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("clean: true\nusers:\n  strategy: recreate\n  roleLinks: none\n");
            UserDecision recreated = Plans.prepare(f.runtime(), spec, true).users().decisions().stream()
                    .filter(d -> d.action() == UserAction.RECREATE).findFirst().orElseThrow();
            long old = recreated.destination().id();
            long tenant = recreated.destination().tenantId();
            int[] countedBefore = recreateLinkCounts(f.plan(spec));
            // the destination grants that user a role its source twin lacks, and a group the source does not have
            Set<String> sourceRoles = new HashSet<>();
            for (UserRecord member : recreated.members()) {
                f.rows(f.source(), "SELECT r.SS_KEY FROM OSSYS_USER_ROLE ur JOIN OSSYS_ROLE r ON r.ID = ur.ROLE_ID"
                        + " WHERE ur.USER_ID = ?", member.id()).forEach(r -> sourceRoles.add(r[0].toString()));
            }
            long role = f.rows(f.destination(), "SELECT ID, SS_KEY FROM OSSYS_ROLE ORDER BY ID").stream()
                    .filter(r -> !sourceRoles.contains(r[1].toString())).map(r -> ((Number) r[0]).longValue())
                    .findFirst().orElseThrow();
            f.onDestination("INSERT INTO OSSYS_GROUP (TENANT_ID, NAME, DESCRIPTION) VALUES (" + tenant + ", 'QA Testers', 'here only')");
            long group = f.count(f.destination(), "SELECT ID FROM OSSYS_GROUP WHERE NAME = 'QA Testers'");
            f.onDestination("INSERT INTO OSSYS_USER_ROLE (USER_ID, ROLE_ID, TENANT_ID, CREATED) VALUES (" + old + ", " + role
                    + ", " + tenant + ", TIMESTAMP '2022-02-02 10:30:00')",
                    "INSERT INTO OSSYS_GROUP_USER (GROUP_ID, USER_ID) VALUES (" + group + ", " + old + ")");

            Plan plan = f.plan(spec);
            assertThat(plan.runnable()).as(plan.errors().toString()).isTrue();
            assertThat(recreateLinkCounts(plan)).as("all links, then those only the destination has: one more each")
                    .containsExactly(countedBefore[0] + 1, countedBefore[1] + 1, countedBefore[2] + 1, countedBefore[3] + 1);
            String identity = f.identities(f.destination()).get(old);
            long userRoles = f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER_ROLE");
            long groupUsers = f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_GROUP_USER");

            RunReport report = f.run(spec, Phase.CLEAN, Phase.USERS);

            assertThat(report.state()).isEqualTo("SUCCEEDED");
            assertThat(report.users().stream().mapToInt(UsersFigures::recreated).sum()).isPositive();
            long now = f.identities(f.destination()).entrySet().stream().filter(e -> e.getValue().equals(identity))
                    .mapToLong(Map.Entry::getKey).filter(id -> id != old).max().orElseThrow();
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER WHERE ID = ?", old)).isZero();
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER_ROLE WHERE USER_ID = ? AND ROLE_ID = ?"
                    + " AND TENANT_ID = ? AND CREATED = TIMESTAMP '2022-02-02 10:30:00'", now, role, tenant))
                    .as("the user role moved to the new user whole").isEqualTo(1);
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_GROUP_USER WHERE USER_ID = ? AND GROUP_ID = ?",
                    now, group)).isEqualTo(1);
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER_ROLE")).as("recreate drops no user role")
                    .isEqualTo(userRoles);
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_GROUP_USER")).as("nor a group membership")
                    .isEqualTo(groupUsers);
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_GROUP_USER WHERE USER_ID NOT IN"
                    + " (SELECT ID FROM OSSYS_USER)") + f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER_ROLE"
                    + " WHERE USER_ID NOT IN (SELECT ID FROM OSSYS_USER)")).isZero();
        }
    }

    /**
     * The users-recreate-keeps-links finding's four figures: user roles and group memberships of the users to
     * recreate, then those of them only the destination has; zeros without the finding.
     */
    private static int[] recreateLinkCounts(Plan plan) {
        return plan.findings().stream().filter(x -> x.code().equals("users-recreate-keeps-links")).findFirst()
                .map(x -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("their (\\d+) user roles and (\\d+) group"
                            + " memberships .* Of these, (\\d+) user roles and (\\d+) group memberships exist only in the"
                            + " destination").matcher(x.message());
                    assertThat(m.find()).as(x.message()).isTrue();
                    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4))};
                }).orElse(new int[4]);
    }

    @Test
    void recreateIsRefusedWhileRowsOutsideTheCleanReferenceTheUsers() throws Exception {
        try (UsersFixture f = fixture()) {
            assertThat(f.run(f.spec("")).deadLetters()).isZero();
            String before = f.userTablesSnapshot();

            RunReport withoutClean = f.run(f.spec("users:\n  strategy: recreate\n"));
            assertThat(withoutClean.state()).isEqualTo("BLOCKED");
            assertThat(withoutClean.exitCode()).isEqualTo(3);
            assertThat(withoutClean.message()).contains("users.strategy: recreate would delete and create again")
                    .contains("OrdersCore.Order.CreatedBy").contains("turn clean on");

            Set<String> sourceIdentities = new HashSet<>(f.identities(f.source()).values());
            long matched = f.identities(f.destination()).entrySet().stream()
                    .filter(e -> sourceIdentities.contains(e.getValue()) && !e.getValue().startsWith("ServiceCenter|"))
                    .mapToLong(Map.Entry::getKey).min().orElseThrow();
            f.onDestination("UPDATE OSSYS_GROUP SET CREATED_BY = " + matched + " WHERE NAME = 'Sales'");
            RunReport withClean = f.run(f.spec("clean: true\nusers:\n  select: all\n  strategy: recreate\n"));
            assertThat(withClean.state()).isEqualTo("BLOCKED");
            assertThat(withClean.message()).contains("ServiceCenter.Group.Created_By (1 row)")
                    .doesNotContain("OrdersCore.Order.CreatedBy");
            assertThat(f.userTablesSnapshot().split("--")[1]).isEqualTo(before.split("--")[1]);
        }
    }

    @Test
    void skipMovesNoUserAndEmptiesOptionalReferencesWhileRowsWithMandatoryOnesAreDeadLettered() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  strategy: skip\n");
            Plan plan = f.plan(spec);
            assertThat(plan.findings()).extracting(Finding::code).contains("users-skipped");
            String before = f.userTablesSnapshot();
            RunReport report = f.run(spec);
            assertThat(f.userTablesSnapshot()).isEqualTo(before);
            assertThat(everyUserReference(f, plan, (attribute, source, destination) ->
                    assertThat(destination).as(attribute).isNull())).isPositive();
            List<DeadLetter> dead = f.runtime().state().deadLetters().list(report.runId());
            assertThat(dead).filteredOn(d -> d.reason().equals("user-unmatched")).extracting(DeadLetter::entity)
                    .containsOnly("OrdersCore.Order", "SupportCore.TicketComment");
            PlannedEntity order = plan.entity("OrdersCore.Order").orElseThrow();
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM " + order.destinationTable())).isZero();
        }
    }

    // ---------------------------------------------------------------- IT users

    @Test
    void referencedItUsersAreNeverMovedButLookedUpAndOneWithoutTwinFollowsUnresolvedReference() throws Exception {
        // the sample's rows never reference IT users: assign one ticket to admin (who has a destination twin) and
        // one to dev.lead (whose twin is renamed below), and put the source back afterwards
        String ticket = "OSUSR_" + io.osmigrate.sample.SampleSolution.SUPPORT_CODE + "_TICKET";
        List<long[]> assigned = new java.util.ArrayList<>();
        try (java.sql.Connection c = writableSource(); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT ID, ASSIGNEDTO FROM " + ticket + " WHERE ID IN ((SELECT MIN(ID)"
                    + " FROM " + ticket + "), (SELECT MAX(ID) FROM " + ticket + ")) ORDER BY ID")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long user = rs.getLong(2);
                    assigned.add(new long[] {id, rs.wasNull() ? -1 : user});
                }
            }
            assertThat(assigned).hasSize(2);
            st.executeUpdate("UPDATE " + ticket + " SET ASSIGNEDTO = 1 WHERE ID = " + assigned.get(0)[0]);
            st.executeUpdate("UPDATE " + ticket + " SET ASSIGNEDTO = 2 WHERE ID = " + assigned.get(1)[0]);
        }
        try {
            try (UsersFixture f = fixture()) {
                assertThat(f.identities(f.source())).containsEntry(1L, "ServiceCenter|admin").containsEntry(2L, "ServiceCenter|dev.lead");
                f.onDestination("UPDATE OSSYS_USER SET USERNAME = 'dev.lead.qa' WHERE USERNAME = 'dev.lead'");
                Object[] admin = f.rows(f.destination(), "SELECT ID, NAME FROM OSSYS_USER WHERE USERNAME = 'admin'").get(0);
                long itUsersBefore = f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER u JOIN OSSYS_TENANT t"
                        + " ON t.ID = u.TENANT_ID WHERE t.NAME = 'ServiceCenter'");
                MigrationSpec spec = f.spec("users:\n  strategy: update\ndefaults:\n  unresolvedReference: empty\n");
                Plan plan = f.plan(spec);
                assertThat(plan.users().itUsers()).isEqualTo(new UsersPlan.ItUsers(2, 1));
                assertThat(plan.findings()).filteredOn(x -> x.code().equals("it-users-unmatched")).singleElement()
                        .satisfies(x -> assertThat(x.message()).startsWith("1 referenced IT users (tenant ServiceCenter) have"
                                + " no destination twin"));
                assertThat(plan.users().tenants()).extracting(UsersPlan.TenantUsers::tenant).doesNotContain("ServiceCenter");
                assertThat(plan.users().unmatched()).extracting(UsersPlan.UnmatchedUser::username)
                        .doesNotContain("admin", "dev.lead");

                RunReport report = f.run(spec);

                assertThat(report.state()).isEqualTo("SUCCEEDED");
                Map<Long, Long> seen = new HashMap<>();
                everyUserReference(f, plan, (attribute, source, destination) -> {
                    if (source == 1L || source == 2L) {
                        assertThat(attribute).isEqualTo("SupportCore.Ticket.AssignedTo");
                        seen.put(source, destination);
                    }
                });
                assertThat(seen).containsOnlyKeys(1L, 2L);
                assertThat(seen.get(1L)).as("admin's ticket points at the destination admin").isEqualTo(((Number) admin[0]).longValue());
                assertThat(seen.get(2L)).as("dev.lead's follows unresolvedReference: empty").isNull();
                assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER u JOIN OSSYS_TENANT t"
                        + " ON t.ID = u.TENANT_ID WHERE t.NAME = 'ServiceCenter'")).as("no IT user is created").isEqualTo(itUsersBefore);
                assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM OSSYS_USER WHERE LOWER(USERNAME) = 'dev.lead'")).isZero();
                assertThat(f.rows(f.destination(), "SELECT NAME FROM OSSYS_USER WHERE ID = ?", admin[0]).get(0)[0])
                        .as("nor updated, under strategy: update").isEqualTo(admin[1]);
            }
        } finally {
            try (java.sql.Connection c = writableSource(); java.sql.Statement st = c.createStatement()) {
                for (long[] row : assigned) {
                    st.executeUpdate("UPDATE " + ticket + " SET ASSIGNEDTO = " + (row[1] < 0 ? "NULL" : row[1]) + " WHERE ID = " + row[0]);
                }
            }
        }
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void duplicatesOnBothSidesAreShownAndPickedOrBlockThePlan() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  select: all\n");
            Plans.Planned planned = Plans.prepare(f.runtime(), spec, false);
            List<UsersPlan.DuplicateUsers> duplicates = planned.plan().users().duplicates();
            UsersPlan.DuplicateUsers source = duplicates.stream().filter(d -> d.side().equals("source")).findFirst().orElseThrow();
            assertThat(source.tenant()).isEqualTo("Users");
            assertThat(source.ids()).containsExactly(3L, 23L);
            assertThat(source.picked()).as("the active one").isEqualTo(3L);
            assertThat(source.inScope()).isTrue();
            UsersPlan.DuplicateUsers destination = duplicates.stream().filter(d -> d.side().equals("destination"))
                    .findFirst().orElseThrow();
            assertThat(destination.tenant()).isEqualTo("Acme");
            assertThat(destination.ids()).hasSize(2);
            Object[] picked = f.rows(f.destination(), "SELECT IS_ACTIVE FROM OSSYS_USER WHERE ID = ?", destination.picked()).get(0);
            assertThat(asFlag(picked[0])).isTrue();
            assertThat(destination.inScope()).isTrue();

            UsersPhase.Outcome outcome = UsersPhase.run(f.destination(), planned.destination().metamodel(), planned.users(),
                    new TenantMap(planned.source().metamodel(), planned.destination().metamodel()));
            assertThat(outcome.users().get(23)).as("both source duplicates map alike").isEqualTo(outcome.users().get(3));
            String identity = f.identities(f.source()).get(3L);
            assertThat(f.identities(f.destination()).values()).filteredOn(identity::equals).hasSize(1);
            UserDecision acme = planned.users().decisions().stream().filter(d -> d.destination() != null
                    && d.destination().id() == destination.picked()).findFirst().orElseThrow();
            assertThat(outcome.users().get(acme.chosen().id())).isEqualTo(destination.picked());

            Plan failing = f.plan(f.spec("users:\n  select: all\n  duplicates: fail\n"));
            assertThat(failing.runnable()).isFalse();
            assertThat(failing.errors()).extracting(Finding::code).containsOnly("duplicate-users");
            assertThat(failing.errors()).extracting(Finding::subject)
                    .anyMatch(s -> s.startsWith("source Users/")).anyMatch(s -> s.startsWith("destination Acme/"));
            RunReport blocked = f.run(f.spec("users:\n  select: all\n  duplicates: fail\n"));
            assertThat(blocked.exitCode()).isEqualTo(3);
        }
    }

    // ---------------------------------------------------------------- mapping file

    @Test
    void theMappingFileMapsUsersBeforeMatchingAndItsMistakesNameTheirLines() throws Exception {
        try (UsersFixture f = fixture()) {
            Map<Long, String> src = f.identities(f.source());
            Set<Long> unmatched = unmatchedSourceUsers(f);
            Set<Long> referenced = referencedSourceUsers(f);
            long lost = unmatched.stream().filter(referenced::contains).filter(id -> src.get(id).startsWith("Users|"))
                    .findFirst().orElseThrow();
            long matched = referenced.stream().filter(id -> !unmatched.contains(id) && src.get(id).startsWith("Users|"))
                    .findFirst().orElseThrow();
            List<Object[]> own = f.rows(f.destination(), "SELECT u.ID, u.USERNAME FROM OSSYS_USER u JOIN OSSYS_TENANT t"
                    + " ON t.ID = u.TENANT_ID WHERE t.NAME = 'Users' AND u.USERNAME LIKE 'new.%' ORDER BY u.ID");
            Path mapping = f.file("mapping.csv", "# source → destination\nsource_username,tenant,destination_username\n"
                    + username(src, lost).toUpperCase(Locale.ROOT) + ",Users," + own.get(0)[1] + "\n"
                    + username(src, matched) + ",," + own.get(0)[1] + "\n"
                    + "someone.else@example.com,Acme,whoever\n");
            MigrationSpec spec = f.spec("users:\n  mappingFile: " + mapping + "\n");
            Plan plan = f.plan(spec);
            assertThat(plan.findings()).filteredOn(x -> x.code().equals("user-mapping-unused")).extracting(Finding::message)
                    .containsExactly("users.mappingFile, line 5: no source user someone.else@example.com in tenant Acme;"
                            + " the line maps nobody");
            assertThat(plan.users().tenants()).filteredOn(t -> t.tenant().equals("Users"))
                    .extracting(UsersPlan.TenantUsers::mapped).containsExactly(2);
            RunReport report = f.run(spec);
            assertThat(report.deadLetters()).isZero();
            long target = ((Number) own.get(0)[0]).longValue();
            Map<Long, String> dst = f.identities(f.destination());
            long seen = everyUserReference(f, plan, (attribute, source, destination) -> {
                if (source == lost || source == matched) {
                    assertThat(destination).isEqualTo(target);
                } else {
                    assertThat(dst.get(destination)).isEqualTo(src.get(source));
                }
            });
            assertThat(seen).isPositive();
            assertThat(dst.values()).as("a mapped user is not created").doesNotContain(src.get(lost));

            Path ghost = f.file("ghost.csv", "source_username,tenant,destination_username\n"
                    + username(src, matched) + ",Users,ghost@example.org\n");
            assertThatThrownBy(() -> f.plan(f.spec("users:\n  mappingFile: " + ghost + "\n")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("users.mappingFile, line 2: destination user 'ghost@example.org' does not exist in"
                            + " destination tenant Users");
            Path broken = f.file("broken.csv", "source_username,tenant,destination_username\na,Users\n,Users,b\n");
            assertThatThrownBy(() -> f.run(f.spec("users:\n  mappingFile: " + broken + "\n")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(broken + ", line 2: 2 values; expected 3")
                    .hasMessageContaining(broken + ", line 3: source_username is empty");
            assertThatThrownBy(() -> f.plan(f.spec("users:\n  mappingFile: " + f.file("x", "").resolveSibling("none.csv") + "\n")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
        }
    }

    // ---------------------------------------------------------------- roles and groups

    @Test
    void roleLinksGoThroughGroupsWithoutDuplicatingLinksThatExist() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  select: all\n");
            Plan plan = f.plan(spec);
            assertThat(plan.users().groups()).extracting(UsersPlan.GroupPlan::name, UsersPlan.GroupPlan::exists)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Sales", true),
                            org.assertj.core.groups.Tuple.tuple("Support Team", false));
            Set<Long> salesMembers = salesMembers(f, f.destination());
            RunReport report = f.run(spec, Phase.USERS);
            assertThat(report.users().stream().mapToInt(UsersFigures::groups).sum()).isEqualTo(1);

            Map<Long, String> src = f.identities(f.source());
            Map<String, Long> dstByIdentity = new HashMap<>();
            preferredByIdentity(f, f.destination()).forEach((k, u) -> dstByIdentity.put(k, u.id()));
            Map<String, String> roleNames = roleNamesBySsKey(f);
            // every source group link is in the destination, under the same group name, user identity and role
            Set<String> destinationMemberships = new HashSet<>();
            for (Object[] r : f.rows(f.destination(), "SELECT g.NAME, gu.USER_ID FROM OSSYS_GROUP_USER gu JOIN OSSYS_GROUP g"
                    + " ON g.ID = gu.GROUP_ID")) {
                destinationMemberships.add(r[0] + "|" + ((Number) r[1]).longValue());
            }
            for (Object[] r : f.rows(f.source(), "SELECT g.NAME, gu.USER_ID FROM OSSYS_GROUP_USER gu JOIN OSSYS_GROUP g"
                    + " ON g.ID = gu.GROUP_ID")) {
                Long twin = dstByIdentity.get(src.get(((Number) r[1]).longValue()));
                assertThat(destinationMemberships).contains(r[0] + "|" + twin);
            }
            salesMembers(f, f.source()).forEach(id -> salesMembers.add(dstByIdentity.get(src.get(id))));
            assertThat(salesMembers(f, f.destination())).as("the destination's own member stays, the source's join")
                    .isEqualTo(salesMembers);
            assertThat(groupRoles(f, f.destination(), roleNames)).containsExactlyInAnyOrder(
                    "Sales|OrdersCore.OrderManager", "Sales|OrdersCore.OrderViewer", "Support Team|SupportCore.SupportAgent");
            Set<String> wantedUserRoles = new HashSet<>();
            for (Object[] r : f.rows(f.source(), "SELECT ur.USER_ID, ro.SS_KEY FROM OSSYS_USER_ROLE ur JOIN OSSYS_ROLE ro"
                    + " ON ro.ID = ur.ROLE_ID")) {
                String role = roleNames.get(r[1].toString());
                if (!role.equals("SupportCore.SupportLead")) {
                    wantedUserRoles.add(dstByIdentity.get(src.get(((Number) r[0]).longValue())) + "|" + role);
                }
            }
            assertThat(userRoles(f, roleNames)).containsAll(wantedUserRoles);
            assertNoDuplicateLinks(f);

            String before = f.userTablesSnapshot();
            RunReport again = f.run(spec, Phase.USERS);
            assertThat(again.users()).allSatisfy(u -> assertThat(u.userRoles() + u.groups() + u.groupRoles() + u.groupUsers()
                    + u.created()).isZero());
            assertThat(f.userTablesSnapshot()).isEqualTo(before);
        }
    }

    @Test
    void listedRoleLinksCarryOnlyThoseRolesAndNoneCarriesNothing() throws Exception {
        try (UsersFixture f = fixture()) {
            Map<String, String> roleNames = roleNamesBySsKey(f);
            Set<String> salesBefore = groupRoles(f, f.destination(), roleNames);
            Set<String> userRolesBefore = userRoles(f, roleNames);
            f.run(f.spec("users:\n  select: all\n  roleLinks: listed\n  roles: [SupportCore.SupportAgent]\n"), Phase.USERS);
            assertThat(groupRoles(f, f.destination(), roleNames)).containsExactlyInAnyOrderElementsOf(
                    concat(salesBefore, "Support Team|SupportCore.SupportAgent"));
            Set<String> added = userRoles(f, roleNames);
            added.removeAll(userRolesBefore);
            assertThat(added).isNotEmpty().allMatch(link -> link.endsWith("|SupportCore.SupportAgent"));
            assertNoDuplicateLinks(f);

            String before = f.userTablesSnapshot();
            f.run(f.spec("users:\n  select: all\n  roleLinks: none\n"), Phase.USERS);
            assertThat(f.userTablesSnapshot()).isEqualTo(before);
        }
    }

    @Test
    void withRolesSelectsTheHoldersOfARoleDirectlyOrThroughAGroup() throws Exception {
        try (UsersFixture f = fixture()) {
            Set<Long> holders = new HashSet<>();
            String role = "(SELECT ID FROM OSSYS_ROLE WHERE NAME = 'OrderManager')";
            f.rows(f.source(), "SELECT USER_ID FROM OSSYS_USER_ROLE WHERE ROLE_ID = " + role)
                    .forEach(r -> holders.add(((Number) r[0]).longValue()));
            f.rows(f.source(), "SELECT gu.USER_ID FROM OSSYS_GROUP_USER gu JOIN OSSYS_GROUP_ROLE gr ON gr.GROUP_ID = gu.GROUP_ID"
                    + " WHERE gr.ROLE_ID = " + role).forEach(r -> holders.add(((Number) r[0]).longValue()));
            Map<Long, String> src = f.identities(f.source());
            Set<String> wanted = holders.stream().map(src::get).collect(Collectors.toSet());
            MigrationSpec spec = f.spec("users:\n  select: with-roles\n  roles: [OrdersCore.OrderManager]\n");
            assertThat(f.plan(spec).users().tenants().stream().mapToInt(UsersPlan.TenantUsers::inScope).sum())
                    .isEqualTo(wanted.size());
            Set<String> before = new HashSet<>(f.identities(f.destination()).values());
            f.run(spec, Phase.USERS);
            Set<String> after = new HashSet<>(f.identities(f.destination()).values());
            assertThat(after).containsAll(wanted);
            Set<String> createdNow = new HashSet<>(after);
            createdNow.removeAll(before);
            assertThat(createdNow).isNotEmpty();
            assertThat(wanted).containsAll(createdNow);
            assertThatThrownBy(() -> f.plan(f.spec("users:\n  select: with-roles\n  roles: [OrdersCore.Boss]\n")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("users.roles: no role 'OrdersCore.Boss' in the source")
                    .hasMessageContaining("OrdersCore.OrderManager");
        }
    }

    // ---------------------------------------------------------------- privacy

    @Test
    void anAnonymisedRunMatchesByExternalIdAndFindsItsOwnUsersAgain() throws Exception {
        try (UsersFixture f = fixture()) {
            // the destination's Acme users carry the source's external ids (as a directory sync would)
            Map<Long, String> src = f.identities(f.source());
            int aligned = 0;
            Map<String, UserRecord> sourceUsers = preferredByIdentity(f, f.source());
            for (Map.Entry<String, UserRecord> e : preferredByIdentity(f, f.destination()).entrySet()) {
                UserRecord s = sourceUsers.get(e.getKey());
                if (s != null && e.getKey().startsWith("Acme|")) {
                    f.onDestination("UPDATE OSSYS_USER SET EXTERNAL_ID = '" + s.externalId() + "' WHERE ID = " + e.getValue().id());
                    aligned++;
                }
            }
            assertThat(aligned).isPositive();
            MigrationSpec spec = f.spec("users:\n  anonymize: true\n  anonymizeKey: test-key\n  matchBy: external-id\n");
            Plan plan = f.plan(spec);
            assertThat(plan.users().anonymized()).isTrue();
            assertThat(PlanJson.toJson(plan)).doesNotContain("test-key");
            Set<Long> before = f.identities(f.destination()).keySet();
            RunReport report = f.run(spec);
            assertThat(report.deadLetters()).isZero();
            Map<Long, String> externalIds = new HashMap<>();
            f.rows(f.destination(), "SELECT ID, EXTERNAL_ID FROM OSSYS_USER").forEach(r -> externalIds.put(
                    ((Number) r[0]).longValue(), Objects.toString(r[1], null)));
            Map<Long, String> sourceExternalIds = new HashMap<>();
            f.rows(f.source(), "SELECT ID, EXTERNAL_ID FROM OSSYS_USER").forEach(r -> sourceExternalIds.put(
                    ((Number) r[0]).longValue(), Objects.toString(r[1], null)));
            assertThat(everyUserReference(f, plan, (attribute, source, destination) ->
                    assertThat(externalIds.get(destination)).isEqualTo(sourceExternalIds.get(source)))).isPositive();
            List<Object[]> created = f.rows(f.destination(), "SELECT ID, USERNAME, NAME, EMAIL, MOBILEPHONE FROM OSSYS_USER")
                    .stream().filter(r -> !before.contains(((Number) r[0]).longValue())).toList();
            assertThat(created).isNotEmpty().allSatisfy(r -> {
                assertThat(r[1].toString()).matches("user-[0-9a-f]{12}@anonymized\\.invalid");
                assertThat(r[2].toString()).matches("User [0-9A-F]{8}");
                assertThat(r[3].toString()).matches("user-[0-9a-f]{12}@anonymized\\.invalid");
                assertThat(r[4] == null || r[4].toString().matches("\\+000 [0-9]{9}")).isTrue();
            });
            Set<String> realUsernames = src.values().stream().map(v -> v.substring(v.indexOf('|') + 1)).collect(Collectors.toSet());
            assertThat(created).noneMatch(r -> realUsernames.contains(r[1].toString().toLowerCase(Locale.ROOT)));

            String snapshot = f.userTablesSnapshot();
            RunReport again = f.run(spec, Phase.USERS);
            assertThat(again.users().stream().mapToInt(UsersFigures::created).sum()).isZero();
            assertThat(f.userTablesSnapshot()).isEqualTo(snapshot);
        }
    }

    @Test
    void passwordsCopyGivesCreatedAndUpdatedUsersTheSourceHashAndNoRunFileShowsIt() throws Exception {
        try (UsersFixture f = fixture()) {
            MigrationSpec spec = f.spec("users:\n  select: all\n  strategy: update\n  passwords: copy\n");
            Map<String, UserRecord> before = preferredByIdentity(f, f.destination());
            assertThat(f.plan(spec).findings()).extracting(Finding::code).doesNotContain("users-without-password");

            RunReport report = f.run(spec, Phase.USERS);

            assertThat(report.state()).isEqualTo("SUCCEEDED");
            assertThat(report.users().stream().mapToInt(UsersFigures::withoutPassword).sum()).isZero();
            Map<String, UserRecord> after = preferredByIdentity(f, f.destination());
            int created = 0;
            int updated = 0;
            for (Map.Entry<String, UserRecord> e : preferredByIdentity(f, f.source()).entrySet()) {
                if (e.getKey().startsWith("ServiceCenter|")) {
                    assertThat(after.get(e.getKey()).password()).as("IT users never move").isNotEqualTo(e.getValue().password());
                    continue;
                }
                assertThat(after.get(e.getKey()).password()).as(e.getKey()).isEqualTo(e.getValue().password());
                if (before.containsKey(e.getKey())) {
                    assertThat(before.get(e.getKey()).password()).isNotEqualTo(e.getValue().password());
                    updated++;
                } else {
                    created++;
                }
            }
            assertThat(created).isPositive().isEqualTo(report.users().stream().mapToInt(UsersFigures::created).sum());
            assertThat(updated).isPositive().isEqualTo(report.users().stream().mapToInt(UsersFigures::updated).sum());
            String files = runFiles(f);
            assertThat(files).contains("\"passwords\" : \"copy\"");
            for (UserRecord u : UserTable.read(f.source())) {
                assertThat(files).doesNotContain(u.password());
            }
        }
    }

    @Test
    void aFailedUserInsertNamesTheUserButNeverItsHash() throws Exception {
        try (UsersFixture f = fixture()) {
            Set<String> destinationIdentities = new HashSet<>(f.identities(f.destination()).values());
            UserRecord created = preferredByIdentity(f, f.source()).entrySet().stream()
                    .filter(e -> !destinationIdentities.contains(e.getKey())).map(Map.Entry::getValue)
                    .min(java.util.Comparator.comparingLong(UserRecord::id)).orElseThrow();
            String hash = created.password();
            // the insert of that user's hash breaks a unique index, and the driver's message quotes the value
            long holder = f.identities(f.destination()).keySet().iterator().next();
            f.onDestination("UPDATE OSSYS_USER SET PASSWORD = CONCAT('dst-', ID)",
                    "UPDATE OSSYS_USER SET PASSWORD = '" + hash + "' WHERE ID = " + holder,
                    "CREATE UNIQUE INDEX OSM_TEST_PASSWORD ON OSSYS_USER (PASSWORD)");

            RunReport report;
            String logged;
            try (LogCapture log = new LogCapture()) {
                report = f.run(f.spec("users:\n  select: all\n  passwords: copy\n"), Phase.USERS);
                logged = log.text();
            }

            assertThat(report.state()).isEqualTo("FAILED");
            assertThat(report.message()).contains("cannot create user ").contains("in OSSYS_USER: ")
                    .containsIgnoringCase("OSM_TEST_PASSWORD");
            assertThat(logged).contains("cannot create user ");
            String fragment = hash.substring(3, 11);
            for (String text : List.of(report.message(), logged, runFiles(f))) {
                assertThat(text).doesNotContain(hash).doesNotContain(fragment);
            }
        }
    }

    // ---------------------------------------------------------------- tenants

    @Test
    void aMissingTenantBlocksByDefaultAndIsCreatedOnceOnRequest() throws Exception {
        try (UsersFixture f = fixture()) {
            f.onDestination("UPDATE OSSYS_TENANT SET NAME = 'Globex Corp' WHERE NAME = 'Globex'");
            RunReport blocked = f.run(f.spec(""));
            assertThat(blocked.exitCode()).isEqualTo(3);
            assertThat(blocked.message()).contains("source tenant Globex (user provider Users) has no destination tenant")
                    .contains("tenants.missing: create");

            MigrationSpec spec = f.spec("tenants:\n  missing: create\n");
            Plan plan = f.plan(spec);
            assertThat(plan.users().tenants()).filteredOn(t -> t.tenant().equals("Globex"))
                    .extracting(UsersPlan.TenantUsers::destination).containsExactly("to create");
            RunReport report = f.run(spec);
            assertThat(report.deadLetters()).isZero();
            assertThat(report.users()).filteredOn(u -> u.tenant().equals("Globex")).singleElement()
                    .satisfies(u -> assertThat(u.tenantCreated()).isTrue());
            List<Object[]> globex = f.rows(f.destination(), "SELECT t.ID, e.NAME FROM OSSYS_TENANT t JOIN OSSYS_ESPACE e"
                    + " ON e.ID = t.ESPACE_ID WHERE t.NAME = 'Globex'");
            assertThat(globex).hasSize(1);
            assertThat(globex.get(0)[1]).isEqualTo("Users");
            long tenant = ((Number) globex.get(0)[0]).longValue();
            assertThat(everyUserReferenceKeepsItsIdentity(f, plan)).isPositive();
            PlannedEntity customer = plan.entity("OrdersCore.Customer").orElseThrow();
            long sourceGlobexCustomers = f.count(f.source(), "SELECT COUNT(*) FROM " + customer.sourceTable()
                    + " WHERE TENANT_ID = (SELECT ID FROM OSSYS_TENANT WHERE NAME = 'Globex')");
            assertThat(f.count(f.destination(), "SELECT COUNT(*) FROM " + customer.destinationTable() + " WHERE TENANT_ID = ?",
                    tenant)).isEqualTo(sourceGlobexCustomers).isPositive();

            String snapshot = f.userTablesSnapshot();
            RunReport again = f.run(spec, Phase.USERS);
            assertThat(again.users()).allSatisfy(u -> assertThat(u.tenantCreated()).isFalse());
            assertThat(f.userTablesSnapshot()).isEqualTo(snapshot);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The text of every file the runs wrote under the data directory (plan.json, report.json…). */
    static String runFiles(UsersFixture f) throws Exception {
        StringBuilder b = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(f.runtime().settings().dataDir().resolve("runs"))) {
            for (Path p : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                b.append(java.nio.file.Files.readString(p)).append('\n');
            }
        }
        assertThat(b).as("the runs wrote their files").contains("\"runId\"");
        return b.toString();
    }

    /** Visits every User reference of every moved row: (attribute, source user id, destination user id or null). */
    static long everyUserReference(UsersFixture f, Plan plan, Visitor visitor) throws Exception {
        KeyMap keyMap = f.runtime().state().keyMap();
        long seen = 0;
        for (PlannedEntity e : plan.moved()) {
            List<ColumnPlan> userColumns = e.columns().stream().filter(c -> c.role() == ColumnRole.USER_REFERENCE).toList();
            if (userColumns.isEmpty()) {
                continue;
            }
            Map<Long, Long> pairs = new HashMap<>();
            for (PairBlock.Pair p : keyMap.allPairs(keyMap.scope(UsersFixture.SOURCE, UsersFixture.DESTINATION, e.entity(),
                    MapKind.MOVED))) {
                pairs.put(((Number) p.source()).longValue(), ((Number) p.destination()).longValue());
            }
            for (ColumnPlan c : userColumns) {
                Map<Long, Long> destination = new HashMap<>();
                for (Object[] r : f.rows(f.destination(), "SELECT " + e.identifier().destinationColumn() + ", "
                        + c.destinationColumn() + " FROM " + e.destinationTable())) {
                    destination.put(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue());
                }
                // 0 is "no user" (a BPT activity not assigned), not a reference
                for (Object[] r : f.rows(f.source(), "SELECT " + e.identifier().sourceColumn() + ", " + c.sourceColumn()
                        + " FROM " + e.sourceTable() + " WHERE " + c.sourceColumn() + " IS NOT NULL AND " + c.sourceColumn()
                        + " <> 0")) {
                    Long moved = pairs.get(((Number) r[0]).longValue());
                    if (moved != null) {
                        visitor.visit(e.entity().qualifiedName() + "." + c.attribute(), ((Number) r[1]).longValue(),
                                destination.get(moved));
                        seen++;
                    }
                }
            }
        }
        return seen;
    }

    /** A User reference of a moved row. */
    @FunctionalInterface
    interface Visitor {
        void visit(String attribute, long sourceUser, Long destinationUser) throws Exception;
    }

    /** Every User reference points at the destination user of the same tenant and username; returns how many. */
    static long everyUserReferenceKeepsItsIdentity(UsersFixture f, Plan plan) throws Exception {
        Map<Long, String> src = f.identities(f.source());
        Map<Long, String> dst = f.identities(f.destination());
        return everyUserReference(f, plan, (attribute, source, destination) -> {
            assertThat(destination).as(attribute + " of source user " + source).isNotNull();
            assertThat(dst.get(destination)).as(attribute).isEqualTo(src.get(source));
        });
    }

    /** Source end users whose tenant and username no destination user has. */
    static Set<Long> unmatchedSourceUsers(UsersFixture f) throws Exception {
        Set<String> destination = new HashSet<>(f.identities(f.destination()).values());
        return f.identities(f.source()).entrySet().stream().filter(e -> !destination.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    static Set<Long> referencedSourceUsers(UsersFixture f) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (PlannedEntity e : f.plan(f.spec("")).moved()) {
            for (ColumnPlan c : e.columns()) {
                if (c.role() == ColumnRole.USER_REFERENCE) {
                    f.rows(f.source(), "SELECT DISTINCT " + c.sourceColumn() + " FROM " + e.sourceTable() + " WHERE "
                            + c.sourceColumn() + " IS NOT NULL AND " + c.sourceColumn() + " <> 0")
                            .forEach(r -> ids.add(((Number) r[0]).longValue()));
                }
            }
        }
        return ids;
    }

    /** Per "tenant|username", the user the pick rule chooses (active, latest login, lowest id). */
    static Map<String, UserRecord> preferredByIdentity(UsersFixture f, Environment env) throws Exception {
        Map<Long, String> identities = f.identities(env);
        Map<String, UserRecord> result = new HashMap<>();
        UserTable.read(env).stream().sorted(UserRecord.PREFERRED)
                .forEach(u -> result.putIfAbsent(identities.get(u.id()), u));
        return result;
    }

    static Map<String, String> roleNamesBySsKey(UsersFixture f) throws Exception {
        Map<String, String> names = new HashMap<>();
        f.rows(f.source(), "SELECT r.SS_KEY, e.NAME, r.NAME FROM OSSYS_ROLE r JOIN OSSYS_ESPACE e ON e.ID = r.ESPACE_ID")
                .forEach(r -> names.put(r[0].toString(), r[1] + "." + r[2]));
        return names;
    }

    static Set<String> groupRoles(UsersFixture f, Environment env, Map<String, String> roleNames) throws Exception {
        Set<String> result = new HashSet<>();
        f.rows(env, "SELECT g.NAME, r.SS_KEY FROM OSSYS_GROUP_ROLE gr JOIN OSSYS_GROUP g ON g.ID = gr.GROUP_ID"
                + " JOIN OSSYS_ROLE r ON r.ID = gr.ROLE_ID").forEach(r -> result.add(r[0] + "|" + roleNames.get(r[1].toString())));
        return result;
    }

    /** "destination user id|Module.Role" of every user role of the destination. */
    static Set<String> userRoles(UsersFixture f, Map<String, String> roleNames) throws Exception {
        Set<String> result = new HashSet<>();
        f.rows(f.destination(), "SELECT ur.USER_ID, ro.SS_KEY FROM OSSYS_USER_ROLE ur JOIN OSSYS_ROLE ro ON ro.ID = ur.ROLE_ID")
                .forEach(r -> result.add(((Number) r[0]).longValue() + "|" + roleNames.get(r[1].toString())));
        return result;
    }

    static void assertNoDuplicateLinks(UsersFixture f) throws Exception {
        assertThat(f.rows(f.destination(), "SELECT USER_ID, ROLE_ID FROM OSSYS_USER_ROLE GROUP BY USER_ID, ROLE_ID"
                + " HAVING COUNT(*) > 1")).isEmpty();
        assertThat(f.rows(f.destination(), "SELECT GROUP_ID, ROLE_ID FROM OSSYS_GROUP_ROLE GROUP BY GROUP_ID, ROLE_ID"
                + " HAVING COUNT(*) > 1")).isEmpty();
        assertThat(f.rows(f.destination(), "SELECT GROUP_ID, USER_ID FROM OSSYS_GROUP_USER GROUP BY GROUP_ID, USER_ID"
                + " HAVING COUNT(*) > 1")).isEmpty();
        assertThat(f.rows(f.destination(), "SELECT TENANT_ID, NAME FROM OSSYS_GROUP GROUP BY TENANT_ID, NAME"
                + " HAVING COUNT(*) > 1")).isEmpty();
    }

    private static Set<Long> salesMembers(UsersFixture f, Environment env) throws Exception {
        Set<Long> ids = new HashSet<>();
        f.rows(env, "SELECT gu.USER_ID FROM OSSYS_GROUP_USER gu JOIN OSSYS_GROUP g ON g.ID = gu.GROUP_ID WHERE g.NAME = 'Sales'")
                .forEach(r -> ids.add(((Number) r[0]).longValue()));
        return ids;
    }

    private static Set<String> concat(Set<String> set, String more) {
        Set<String> result = new HashSet<>(set);
        result.add(more);
        return result;
    }

    private static String username(Map<Long, String> identities, long id) {
        String v = identities.get(id);
        return v.substring(v.indexOf('|') + 1);
    }

    static boolean asFlag(Object v) {
        return v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
    }

    /** The literal that means "active" in IS_ACTIVE comparisons on this engine. */
    private static String active(Environment env) {
        return env.dialect().name().equals("PostgreSQL") ? "1" : "TRUE";
    }
}

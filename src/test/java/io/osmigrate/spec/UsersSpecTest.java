package io.osmigrate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.osmigrate.config.ConfigException;

/** The users: section of a spec: defaults, every key, and mistakes named by file, line, key and allowed values. */
class UsersSpecTest {

    private static final Path FILE = Path.of("config/migrations/test.yaml");
    private static final String HEAD = "source: a\ndestination: b\nscope: {modules: [X]}\n";

    private static MigrationSpec parse(String users) {
        return SpecLoader.parse(FILE, HEAD + users);
    }

    @Test
    void aSpecWithoutUsersGetsEveryDefault() {
        UsersSettings u = parse("").users();
        assertThat(u.select()).isEqualTo(UserSelection.REFERENCED);
        assertThat(u.strategy()).isEqualTo(UserStrategy.LOOKUP);
        assertThat(u.unmatched()).isEqualTo(UnmatchedUsers.CREATE);
        assertThat(u.duplicates()).isEqualTo(DuplicateUsers.PICK);
        assertThat(u.matchBy()).isEqualTo(UserMatchKey.USERNAME);
        assertThat(u.passwords()).isEqualTo(PasswordPolicy.KEEP_OUT);
        assertThat(u.roleLinks()).isEqualTo(RoleLinks.ALL);
        assertThat(u.anonymized()).isFalse();
        assertThat(u.tenants()).isEmpty();
        assertThat(u.roles()).isEmpty();
        assertThat(u.defaultUser()).isNull();
        assertThat(u.mappingFile()).isNull();
    }

    @Test
    void readsEveryKey() {
        UsersSettings u = parse("""
                users:
                  select: with-roles
                  roles: [OrdersCore.OrderManager, SupportCore.SupportAgent]
                  strategy: update
                  unmatched: default-user
                  defaultUser: Users/fallback@example.com
                  duplicates: fail
                  mappingFile: config/user-mappings/qa.csv
                  matchBy: external-id
                  passwords: copy
                  anonymize: true
                  anonymizeKey: s3cret
                  roleLinks: listed
                """).users();
        assertThat(u.select()).isEqualTo(UserSelection.WITH_ROLES);
        assertThat(u.roles()).containsExactly("OrdersCore.OrderManager", "SupportCore.SupportAgent");
        assertThat(u.strategy()).isEqualTo(UserStrategy.UPDATE);
        assertThat(u.unmatched()).isEqualTo(UnmatchedUsers.DEFAULT_USER);
        assertThat(u.defaultUserName()).contains(new UsersSettings.DefaultUser("Users", "fallback@example.com"));
        assertThat(u.duplicates()).isEqualTo(DuplicateUsers.FAIL);
        assertThat(u.mappingFile()).isEqualTo("config/user-mappings/qa.csv");
        assertThat(u.matchBy()).isEqualTo(UserMatchKey.EXTERNAL_ID);
        assertThat(u.passwords()).isEqualTo(PasswordPolicy.COPY);
        assertThat(u.anonymized()).isTrue();
        assertThat(u.anonymizeKey()).isEqualTo("s3cret");
        assertThat(u.roleLinks()).isEqualTo(RoleLinks.LISTED);
        assertThat(u.toString()).doesNotContain("s3cret").contains("anonymizeKey=***");
    }

    @Test
    void aBareDefaultUserMeansTheUnmatchedUsersOwnTenant() {
        UsersSettings u = parse("users:\n  unmatched: default-user\n  defaultUser: fallback\n").users();
        assertThat(u.defaultUserName()).contains(new UsersSettings.DefaultUser(null, "fallback"));
    }

    @Test
    void selectAllTakesTenantNames() {
        UsersSettings u = parse("users:\n  select: all\n  tenants: [Acme, Globex]\n").users();
        assertThat(u.tenants()).containsExactly("Acme", "Globex");
    }

    @Test
    void unknownKeyUnderUsersListsTheKeys() {
        assertThatThrownBy(() -> parse("users:\n  strategy: lookup\n  passwrods: copy\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/migrations/test.yaml, line 6")
                .hasMessageContaining("unknown key 'passwrods' under 'users'")
                .hasMessageContaining("allowed: anonymize, anonymizeKey, defaultUser, duplicates, mappingFile, matchBy,"
                        + " passwords, roleLinks, roles, select, strategy, tenants, unmatched");
    }

    @Test
    void badValuesListTheAllowedWords() {
        assertThatThrownBy(() -> parse("users:\n  strategy: replace\n"))
                .hasMessageContaining("line 5").hasMessageContaining("users.strategy is not an allowed value")
                .hasMessageNotContaining("replace")
                .hasMessageContaining("allowed: lookup, update, recreate, skip");
        assertThatThrownBy(() -> parse("users:\n  select: some\n"))
                .hasMessageContaining("allowed: referenced, all, with-roles, none");
        assertThatThrownBy(() -> parse("users:\n  unmatched: ignore\n"))
                .hasMessageContaining("allowed: create, default-user, empty, dead-letter");
        assertThatThrownBy(() -> parse("users:\n  duplicates: first\n")).hasMessageContaining("allowed: pick, fail");
        assertThatThrownBy(() -> parse("users:\n  matchBy: email\n")).hasMessageContaining("allowed: username, external-id");
        assertThatThrownBy(() -> parse("users:\n  passwords: hash\n")).hasMessageContaining("allowed: keep-out, copy");
        assertThatThrownBy(() -> parse("users:\n  roleLinks: some\n")).hasMessageContaining("allowed: all, listed, none");
        assertThatThrownBy(() -> parse("users:\n  anonymize: maybe\n")).hasMessageContaining("users.anonymize");
    }

    @Test
    void withRolesNeedsRoles() {
        assertThatThrownBy(() -> parse("users:\n  select: with-roles\n"))
                .hasMessageContaining("config/migrations/test.yaml, line 5")
                .hasMessageContaining("users.select is 'with-roles' but users.roles is empty");
    }

    @Test
    void listedRoleLinksNeedRoles() {
        assertThatThrownBy(() -> parse("users:\n  roleLinks: listed\n"))
                .hasMessageContaining("line 5").hasMessageContaining("users.roleLinks is 'listed' but users.roles is empty");
    }

    @Test
    void rolesNobodyReadsAreRejected() {
        assertThatThrownBy(() -> parse("users:\n  roles: [OrdersCore.OrderManager]\n"))
                .hasMessageContaining("line 5").hasMessageContaining("users.roles is only read by select: with-roles and"
                        + " roleLinks: listed");
    }

    @Test
    void roleNamesAreModuleDotRole() {
        assertThatThrownBy(() -> parse("users:\n  select: with-roles\n  roles:\n    - OrdersCore.OrderManager\n    - Manager\n"))
                .hasMessageContaining("line 8").hasMessageContaining("users.roles[1] is not a role name; write"
                        + " Module.Role").hasMessageNotContaining("'Manager'");
    }

    @Test
    void tenantsOnlyWithSelectAllAndNeverServiceCenter() {
        assertThatThrownBy(() -> parse("users:\n  tenants: [Acme]\n"))
                .hasMessageContaining("line 5").hasMessageContaining("users.tenants is only read by select: all");
        assertThatThrownBy(() -> parse("users:\n  select: all\n  tenants: [ServiceCenter]\n"))
                .hasMessageContaining("ServiceCenter, the tenant of IT users, which never move");
    }

    @Test
    void defaultUserAndUnmatchedDefaultUserGoTogether() {
        assertThatThrownBy(() -> parse("users:\n  unmatched: default-user\n"))
                .hasMessageContaining("line 5").hasMessageContaining("users.defaultUser is missing");
        assertThatThrownBy(() -> parse("users:\n  defaultUser: fallback\n"))
                .hasMessageContaining("line 5").hasMessageContaining("set unmatched: default-user to use it");
        assertThatThrownBy(() -> parse("users:\n  unmatched: default-user\n  defaultUser: a/b/c\n"))
                .hasMessageContaining("line 6").hasMessageContaining("allowed: username or Tenant/username");
        assertThatThrownBy(() -> parse("users:\n  unmatched: default-user\n  defaultUser: /b\n"))
                .hasMessageContaining("allowed: username or Tenant/username");
    }

    @Test
    void anonymizeKeyWithoutAnonymizeIsRejectedWithoutShowingTheKey() {
        assertThatThrownBy(() -> parse("users:\n  anonymizeKey: s3cret\n"))
                .hasMessageContaining("line 5").hasMessageContaining("users.anonymizeKey is set but users.anonymize is false")
                .hasMessageNotContaining("s3cret");
    }
}

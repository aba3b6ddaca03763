package io.osmigrate.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.dialect.DatabaseIdentity;
import io.osmigrate.testsupport.PostgresDatabases;

/** Each server says which database a connection reaches, whatever the URL's spelling (on H2 and PostgreSQL). */
class DatabaseIdentityTest {

    @TempDir
    Path dir;

    private static DatabaseIdentity identity(String url, String user, String password) {
        try (Environment env = Environment.open(new EnvironmentSettings("e", url, user, password, 2, Duration.ofSeconds(10)),
                Side.DESTINATION)) {
            return env.identity();
        }
    }

    private static DatabaseIdentity postgres(String url) {
        return identity(url, PostgresDatabases.user(), PostgresDatabases.password());
    }

    @Test
    void onePostgresDatabaseUnderTwoHostNamesIsOneDatabase() {
        String url = PostgresDatabases.create("ident");
        try {
            DatabaseIdentity first = postgres(url);
            DatabaseIdentity second = postgres(PostgresDatabases.respelled(url));

            assertThat(first.sameDatabaseAs(second)).isTrue();
            assertThat(first.description()).contains(url.substring(url.lastIndexOf('/') + 1)).contains("system identifier");
        } finally {
            PostgresDatabases.drop(url);
        }
    }

    @Test
    void twoDatabasesOfOnePostgresServerAreTwo() {
        String a = PostgresDatabases.create("ident_a");
        String b = PostgresDatabases.create("ident_b");
        try {
            assertThat(postgres(a).sameDatabaseAs(postgres(b))).isFalse();
        } finally {
            PostgresDatabases.drop(a);
            PostgresDatabases.drop(b);
        }
    }

    /**
     * A login without EXECUTE on pg_control_system() is identified by its server's port and start time: still equal
     * to what a privileged login of the same database sees, still unequal to another database.
     */
    @Test
    void aPostgresLoginThatMayNotReadTheSystemIdentifierStillCompares() throws SQLException {
        String url = PostgresDatabases.create("ident_noctl");
        String other = PostgresDatabases.create("ident_other");
        String role = "osm_t_noctl_" + ProcessHandle.current().pid();
        try {
            try (Connection c = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + role);
                s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
                s.execute("REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC");
            }
            DatabaseIdentity restricted = identity(PostgresDatabases.respelled(url), role, "");

            assertThat(restricted.description()).doesNotContain("system identifier").contains("port");
            assertThat(restricted.sameDatabaseAs(postgres(url))).isTrue();
            assertThat(restricted.sameDatabaseAs(postgres(other))).isFalse();
        } finally {
            PostgresDatabases.drop(url);
            PostgresDatabases.drop(other);
            try (Connection c = DriverManager.getConnection(other.substring(0, other.lastIndexOf('/') + 1) + "postgres",
                    PostgresDatabases.user(), PostgresDatabases.password()); Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** Absolute, relative with an extra MODE setting, and through a linked folder without the file: prefix. */
    @Test
    void oneH2FileUnderThreeSpellingsIsOneDatabase() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("db"));
        Path file = folder.resolve("x").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            c.createStatement().execute("CREATE TABLE T (ID INT)");
        }
        Path link = Files.createSymbolicLink(dir.resolve("link"), folder);
        String relative = Path.of("").toAbsolutePath().relativize(file).toString();

        DatabaseIdentity absolute = identity("jdbc:h2:file:" + file, "sa", "");
        DatabaseIdentity viaRelative = identity("jdbc:h2:file:./" + relative + ";MODE=MSSQLServer", "sa", "");
        DatabaseIdentity viaLink = identity("jdbc:h2:" + link.toAbsolutePath().resolve("x"), "sa", "");

        assertThat(absolute.sameDatabaseAs(viaRelative)).isTrue();
        assertThat(absolute.sameDatabaseAs(viaLink)).isTrue();
        assertThat(absolute.description()).contains(folder.toRealPath().resolve("x.mv.db").toString());
    }

    @Test
    void twoH2FilesAreTwoDatabasesAndInMemoryOnesGoByName() {
        assertThat(identity("jdbc:h2:file:" + dir.resolve("a").toAbsolutePath(), "sa", "")
                .sameDatabaseAs(identity("jdbc:h2:file:" + dir.resolve("b").toAbsolutePath(), "sa", ""))).isFalse();

        assertThat(identity("jdbc:h2:mem:osm_ident_a", "sa", "").sameDatabaseAs(identity("jdbc:h2:mem:osm_ident_a;MODE=MSSQLServer",
                "sa", ""))).isTrue();
        assertThat(identity("jdbc:h2:mem:osm_ident_a", "sa", "").sameDatabaseAs(identity("jdbc:h2:mem:osm_ident_b", "sa", "")))
                .isFalse();
    }
}

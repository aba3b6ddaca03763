package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.testsupport.PostgresDatabases;

/**
 * A connection that fails says why, naming the environment and the driver's cause, and never the password. The
 * connect timeout is 60 s here: a final failure that answers with the driver's own cause cannot have waited for it
 * (the pool's timeout says only that it timed out), so no timing is asserted.
 */
class ConnectionErrorsTest {

    private static final String PASSWORD = "Pa55-w0rd-never-shown";

    @TempDir
    Path dir;

    private Path spec;

    @BeforeEach
    void spec() throws Exception {
        spec = Files.writeString(dir.resolve("spec.yaml"), "source: src\ndestination: dst\nscope:\n  applications: [Orders]\n");
    }

    /** {@code plan} against a source with the given URL and user; the destination is never reached. */
    private CliRun.Result plan(String url, String user, int timeoutSeconds) throws Exception {
        Path config = Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "osmigrate.data-dir = " + dir.resolve("data"),
                "osmigrate.env.src.url = " + url,
                "osmigrate.env.src.username = " + user,
                "osmigrate.env.src.password = " + PASSWORD,
                "osmigrate.env.src.connect-timeout-seconds = " + timeoutSeconds,
                "osmigrate.env.dst.url = jdbc:h2:mem:never_opened",
                ""));
        return CliRun.execute("--config", config.toString(), "plan", spec.toString());
    }

    private static void assertFailedAtOnce(CliRun.Result result, String cause) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("environment 'src'", "cannot connect", cause)
                .doesNotContain(PASSWORD)
                .doesNotContain("Connection is not available");
    }

    @Test
    void anUnknownPostgresRoleIsNamed() throws Exception {
        PostgresDatabases.assumeAvailable();
        assertFailedAtOnce(plan("jdbc:postgresql://127.0.0.1:5432/postgres", "osm_no_such_role", 60),
                "role \"osm_no_such_role\" does not exist");
    }

    @Test
    void anUnknownPostgresDatabaseIsNamed() throws Exception {
        PostgresDatabases.assumeAvailable();
        assertFailedAtOnce(plan("jdbc:postgresql://127.0.0.1:5432/osm_no_such_database", PostgresDatabases.user(), 60),
                "database \"osm_no_such_database\" does not exist");
    }

    /** The PostgreSQL server of the test machines trusts every local login, so a wrong password is shown on H2. */
    @Test
    void aWrongPasswordIsNamed() throws Exception {
        Path file = dir.resolve("secured").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "the-right-one")) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertFailedAtOnce(plan("jdbc:h2:file:" + file, "sa", 60), "Wrong user name or password");
    }

    @Test
    void aRefusedPortIsNamed() throws Exception {
        assertFailedAtOnce(plan("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", 60), "Connection to 127.0.0.1:1 refused");
        assertFailedAtOnce(plan("jdbc:sqlserver://127.0.0.1:1;databaseName=outsystems;encrypt=false", "osm", 60),
                "port 1 has failed");
    }

    @Test
    void anUnknownHostIsNamed() throws Exception {
        assertFailedAtOnce(plan("jdbc:postgresql://osm-no-such-host.invalid:5432/postgres", "postgres", 60),
                "UnknownHostException: osm-no-such-host.invalid");
    }

    /**
     * A transient refusal (here: no connection slot left for the role) is tried until the connect timeout, and then
     * the message still gives the driver's cause, not only that the pool timed out.
     */
    @Test
    void aTransientRefusalIsWaitedForAndThenNamed() throws Exception {
        String url = PostgresDatabases.create("noslot");
        String role = "osm_t_noslot_" + ProcessHandle.current().pid();
        try {
            try (Connection c = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + role);
                s.execute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
            }
            CliRun.Result result = plan(url, role, 1);

            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).contains("environment 'src'", "no connection within 1 s",
                    "too many connections for role \"" + role + "\"").doesNotContain(PASSWORD);
        } finally {
            PostgresDatabases.drop(url);
            try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                    PostgresDatabases.user(), PostgresDatabases.password()); Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}

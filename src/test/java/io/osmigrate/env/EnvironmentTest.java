package io.osmigrate.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.testsupport.PostgresDatabases;

/** A source is opened read-only by the engine itself; connection errors name the environment, never the password. */
class EnvironmentTest {

    @TempDir
    Path dir;

    private static EnvironmentSettings settings(String url, String user, String password) {
        return new EnvironmentSettings("prod", url, user, password, 2, Duration.ofSeconds(3));
    }

    @Test
    void aWriteThroughAnH2SourceFails() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("src").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
        }
        try (Environment env = Environment.open(settings(url, "sa", ""), Side.SOURCE);
             Connection c = env.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO T VALUES (1)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("read only");
            assertThat(s.executeQuery("SELECT COUNT(*) FROM T").next()).isTrue();
        }
    }

    @Test
    void anH2SourceAlreadyOpenForWritingIsRefused() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("busy").toAbsolutePath();
        try (Connection writer = DriverManager.getConnection(url, "sa", "")) {
            assertThat(writer.isValid(1)).isTrue();
            assertThatThrownBy(() -> Environment.open(settings(url, "sa", ""), Side.SOURCE))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("already open for writing");
        }
    }

    @Test
    void aWriteThroughAPostgresSourceFails() throws Exception {
        String url = PostgresDatabases.create("ro");
        try {
            try (Connection c = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int primary key)");
            }
            try (Environment env = Environment.open(settings(url, PostgresDatabases.user(), PostgresDatabases.password()), Side.SOURCE);
                 Connection c = env.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(c.getAutoCommit()).isTrue();
                assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (1)")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only transaction");
                c.setAutoCommit(false);
                assertThatThrownBy(() -> s.execute("DELETE FROM t")).hasMessageContaining("read-only transaction");
                c.rollback();
            }
            try (Environment dst = Environment.open(settings(url, PostgresDatabases.user(), PostgresDatabases.password()),
                    Side.DESTINATION); Connection c = dst.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
            }
        } finally {
            PostgresDatabases.drop(url);
        }
    }

    @Test
    void aConnectionErrorNamesTheEnvironmentAndHidesThePassword() {
        String secret = "Sup3rSecret!";
        assertThatThrownBy(() -> Environment.open(settings("jdbc:postgresql://127.0.0.1:1/nowhere?password=" + secret,
                "someone", secret), Side.DESTINATION))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("environment 'prod'")
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere")
                .hasMessageContaining("Check that the server is reachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void anUnsupportedUrlSaysWhichAreSupported() {
        assertThatThrownBy(() -> Environment.open(settings("jdbc:oracle:thin:@db:1521/x", "a", "b"), Side.SOURCE))
                .hasMessageContaining("supports jdbc:sqlserver:, jdbc:postgresql: and jdbc:h2:");
    }
}

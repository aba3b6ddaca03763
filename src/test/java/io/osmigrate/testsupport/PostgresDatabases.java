package io.osmigrate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;

/**
 * Throw-away PostgreSQL databases for integration tests, on the server named by {@code OSM_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code OSM_TEST_PG_USER} or postgres,
 * trust auth).
 *
 * <p>Where no server answers, tests skip with a message that says so, except in CI ({@code CI=true}),
 * where a missing server fails the test: there the PostgreSQL tests must run.
 */
public final class PostgresDatabases {

    private static final String ADMIN_URL = env("OSM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("OSM_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("OSM_TEST_PG_PASSWORD", "");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Boolean reachable;

    private PostgresDatabases() {
    }

    /** Skips the calling test when PostgreSQL is not reachable (fails instead in CI). */
    public static void assumeAvailable() {
        if (isReachable()) {
            return;
        }
        String message = "PostgreSQL is not reachable at " + ADMIN_URL + " (user " + USER + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ": in CI the PostgreSQL tests must run; start the server (.ci/run does)");
        }
        Assumptions.assumeTrue(false, message + ": skipping this PostgreSQL test");
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public static String create(String purpose) {
        assumeAvailable();
        String name = "osm_t_" + purpose.toLowerCase().replaceAll("[^a-z0-9]", "") + "_" + ProcessHandle.current().pid()
                + "_" + COUNTER.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** Drops a database made by {@link #create}; quietly does nothing when it is gone. */
    public static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // a test database left behind is harmless: the next create drops a clash
        }
    }

    /**
     * The same database's URL spelled otherwise: the other name of the loopback host (127.0.0.1 or localhost) and a
     * parameter the original lacks, so that no comparison of URL text can find them equal.
     */
    public static String respelled(String url) {
        String other = url.contains("//127.0.0.1") ? url.replace("//127.0.0.1", "//localhost")
                : url.replace("//localhost", "//127.0.0.1");
        return other + (other.contains("?") ? "&" : "?") + "ApplicationName=osmigrate-respelled";
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static boolean isReachable() {
        if (reachable == null) {
            try (Connection c = admin()) {
                reachable = c.isValid(2);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }

    private static Connection admin() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}

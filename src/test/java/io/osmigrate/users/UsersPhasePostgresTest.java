package io.osmigrate.users;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.sample.SampleEnvironments;
import io.osmigrate.testsupport.PostgresDatabases;

/** The users phase on PostgreSQL (skipped where no server answers, failing in CI); one database per environment. */
class UsersPhasePostgresTest extends UsersPhaseContract {

    private static String sourceUrl;

    @BeforeAll
    static void createSource() throws Exception {
        PostgresDatabases.assumeAvailable();
        sourceUrl = PostgresDatabases.create("userssrc");
        try (Connection c = DriverManager.getConnection(sourceUrl, PostgresDatabases.user(), PostgresDatabases.password())) {
            SampleEnvironments.createSource(c, SAMPLE);
        }
    }

    @AfterAll
    static void dropSource() {
        if (sourceUrl != null) {
            PostgresDatabases.drop(sourceUrl);
        }
    }

    @Override
    Connection writableSource() throws Exception {
        return DriverManager.getConnection(sourceUrl, PostgresDatabases.user(), PostgresDatabases.password());
    }

    @Override
    UsersFixture fixture() throws Exception {
        String url = PostgresDatabases.create("usersdst");
        try (Connection c = DriverManager.getConnection(url, PostgresDatabases.user(), PostgresDatabases.password())) {
            SampleEnvironments.createDestination(c, SAMPLE);
        }
        return new UsersFixture(settings("source", sourceUrl), settings("destination", url), () -> PostgresDatabases.drop(url));
    }

    private static EnvironmentSettings settings(String name, String url) {
        return new EnvironmentSettings(name, url, PostgresDatabases.user(), PostgresDatabases.password(), 4,
                Duration.ofSeconds(10));
    }
}

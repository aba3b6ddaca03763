package io.osmigrate.users;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.sample.SampleEnvironments;

/**
 * The users phase on H2 (MODE=MSSQLServer). The shared source is an H2 file: an in-memory database stays
 * open for writing in this JVM, and a source must open read-only. Each destination is in memory.
 */
class UsersPhaseH2Test extends UsersPhaseContract {

    private static Path sourceDir;
    private static String sourceUrl;
    private static EnvironmentSettings source;

    @BeforeAll
    static void createSource() throws Exception {
        sourceDir = Path.of("target", "users-it", "h2-source-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(sourceDir);
        sourceUrl = "jdbc:h2:file:" + sourceDir.resolve("source") + ";MODE=MSSQLServer";
        try (Connection c = DriverManager.getConnection(sourceUrl, "sa", "")) {
            SampleEnvironments.createSource(c, SAMPLE);
        }
        source = new EnvironmentSettings("source", sourceUrl, "sa", "", 4, Duration.ofSeconds(10));
    }

    @AfterAll
    static void deleteSource() throws Exception {
        try (Stream<Path> files = Files.walk(sourceDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    Connection writableSource() throws Exception {
        return DriverManager.getConnection(sourceUrl, "sa", "");
    }

    @Override
    UsersFixture fixture() throws Exception {
        String url = "jdbc:h2:mem:users_dst_" + UUID.randomUUID().toString().replace("-", "") + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            SampleEnvironments.createDestination(c, SAMPLE);
        }
        return new UsersFixture(source, new EnvironmentSettings("destination", url, "sa", "", 4, Duration.ofSeconds(10)), () -> {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }
}

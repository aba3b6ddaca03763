package io.osmigrate.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's two H2 files: where they go, how to connect, reuse without reset, rebuild with it. */
class SampleH2FilesTest {

    @TempDir
    Path dir;

    @Test
    void buildsTwoClosedFileDatabasesThatReopenByUrlAlone() throws SQLException, IOException {
        SampleEnvironments.DemoEnvironments env = SampleEnvironments.createH2Files(dir, SampleOptions.of(500), false);
        assertThat(env.sourceUrl()).startsWith("jdbc:h2:file:" + dir.resolve("source").toAbsolutePath())
                .contains(";MODE=MSSQLServer");
        assertThat(env.destinationUrl()).startsWith("jdbc:h2:file:" + dir.resolve("destination").toAbsolutePath());
        // everything closed: no lock files, no leftovers of the temporary build names
        assertThat(files()).containsExactlyInAnyOrder("destination.mv.db", "source.mv.db");
        try (Connection c = DriverManager.getConnection(env.sourceUrl())) {
            assertThat(SampleEnvironmentChecks.rows(c, "OSUSR_A1B_CUSTOMER")).isEqualTo(SampleSizes.of(500).customers());
        }
        try (Connection c = DriverManager.getConnection(env.destinationUrl(), SampleEnvironments.H2_USER,
                SampleEnvironments.H2_PASSWORD)) {
            assertThat(SampleEnvironmentChecks.rows(c, "OSUSR_C4T_PRODUCT1")).isEqualTo(23);
        }
    }

    @Test
    void reusesExistingFilesWithoutResetAndRebuildsThemWithIt() throws SQLException, IOException {
        SampleEnvironments.DemoEnvironments env = SampleEnvironments.createH2Files(dir, SampleOptions.of(100), false);
        try (Connection c = DriverManager.getConnection(env.sourceUrl()); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM OSUSR_K3M_TICKETCOMMENT");
        }
        SampleEnvironments.createH2Files(dir, SampleOptions.of(100), false);
        try (Connection c = DriverManager.getConnection(env.sourceUrl())) {
            assertThat(SampleEnvironmentChecks.rows(c, "OSUSR_K3M_TICKETCOMMENT")).isZero();
        }
        SampleEnvironments.DemoEnvironments again = SampleEnvironments.createH2Files(dir, SampleOptions.of(100), true);
        assertThat(again).isEqualTo(env);
        try (Connection c = DriverManager.getConnection(env.sourceUrl())) {
            assertThat(SampleEnvironmentChecks.rows(c, "OSUSR_K3M_TICKETCOMMENT")).isEqualTo(20);
        }
        assertThat(files()).containsExactlyInAnyOrder("destination.mv.db", "source.mv.db");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
        }
    }
}

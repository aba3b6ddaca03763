package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.ChildRun;
import io.osmigrate.testsupport.MigrationFixture;
import io.osmigrate.testsupport.PostgresDatabases;

/**
 * Two runs between the same environments at once, on a PostgreSQL state store two processes share: the second
 * is refused (exit code 2) naming the first and writes nothing; once the first is killed, the next run takes
 * the environments at once and completes. The first run is a child JVM held still mid-run at a named point, so
 * it is surely running when the second starts.
 */
class OneRunAtATimeTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunIsRefusedNamingTheFirstAndAKilledFirstDoesNotBlockTheNext() throws Exception {
        String stateUrl = PostgresDatabases.create("state");
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(300)).addMissingUsersToDestination()) {
            f.configure("osmigrate.state.url", stateUrl).configure("osmigrate.state.username", PostgresDatabases.user());
            try (ChildRun first = ChildRun.start(dir, List.of("-Dosmigrate.fault.pause-at=after-commit:2"), "run",
                    f.specFile().toString(), "--config", f.config().toString())) {
                assertThat(first.await(l -> l.startsWith("OSM-PAUSED"), 120, TimeUnit.SECONDS))
                        .as("the first run should reach its second commit; it printed:%n%s", first.output()).isNotNull();
                List<String> running = runs(stateUrl);
                assertThat(running).as("the first run, in the history").singleElement().asString().endsWith(" RUNNING");
                String firstRun = running.get(0).split(" ")[0];

                CliRun.Result second = CliRun.execute("--config", f.config().toString(), "run", f.specFile().toString());

                assertThat(second.exitCode()).as(second.err()).isEqualTo(2);
                assertThat(second.err()).contains("another run holds src → dst: run " + firstRun + " of " + f.specFile(),
                        "nothing was read or written");
                assertThat(runs(stateUrl)).as("the refused run left no trace in the history").containsExactly(firstRun + " RUNNING");

                assertThat(first.stop(ChildRun.Signal.KILL)).isTrue();
            }

            CliRun.Result next = CliRun.execute("--config", f.config().toString(), "run", f.specFile().toString());

            assertThat(next.exitCode()).as(next.err() + next.out()).isZero();
            assertThat(runs(stateUrl)).hasSize(2).anyMatch(r -> r.endsWith(" INTERRUPTED")).anyMatch(r -> r.endsWith(" SUCCEEDED"));
        } finally {
            PostgresDatabases.drop(stateUrl);
        }
    }

    /** "run-id STATE" of every run in the state store's history. */
    private static List<String> runs(String stateUrl) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(stateUrl, PostgresDatabases.user(), PostgresDatabases.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT RUN_ID, STATE FROM OSM_RUN ORDER BY STARTED_AT")) {
            while (rs.next()) {
                runs.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return runs;
    }
}

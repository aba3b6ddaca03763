package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.host.JobOutcome;
import io.osmigrate.host.JobRequest;
import io.osmigrate.host.JobRunner;
import io.osmigrate.host.SpecFolders;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.DatabaseFingerprint;
import io.osmigrate.testsupport.MigrationFixture;
import io.osmigrate.testsupport.PostgresDatabases;

/**
 * A source is never written: one database under two environment names is refused by what its server says it is, an
 * environment declared read-only is refused as a destination before anything is read, and the clean phase deletes
 * only with consent. Every refusal is exit code 2 and is checked against the databases row by row.
 */
class EnvironmentProtectionTest {

    private static final String CLEANING_SPEC = MigrationFixture.BASE_SPEC.replace("scope:", "clean: true\nscope:");
    private static final String SWAPPED_SPEC = CLEANING_SPEC.replace("source: src\ndestination: dst", "source: dst\ndestination: src");

    @TempDir
    Path dir;

    private static CliRun.Result osmigrate(MigrationFixture f, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = f.config().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.execute(all);
    }

    private static Map<String, String> source(MigrationFixture f) throws SQLException {
        try (Connection c = f.writableSource()) {
            return DatabaseFingerprint.of(c);
        }
    }

    private static Map<String, String> destination(MigrationFixture f) throws SQLException {
        try (Connection c = f.writableDestination()) {
            return DatabaseFingerprint.of(c);
        }
    }

    @Test
    void onePostgresDatabaseUnderTwoHostNamesIsRefusedWithCleanAskedAndTheSourceKeepsEveryRow() throws Exception {
        try (MigrationFixture f = MigrationFixture.postgres(dir, SampleOptions.of(200))) {
            f.configure("osmigrate.env.dst.url", PostgresDatabases.respelled(f.sourceUrl())).spec(CLEANING_SPEC);
            Map<String, String> before = source(f);

            CliRun.Result run = osmigrate(f, "run", f.specFile().toString());
            CliRun.Result plan = osmigrate(f, "plan", f.specFile().toString());

            for (CliRun.Result refused : List.of(run, plan)) {
                assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
                assertThat(refused.err()).contains("source 'src'", "destination 'dst'", "are the same database",
                        "PostgreSQL database '" + f.sourceUrl().substring(f.sourceUrl().lastIndexOf('/') + 1) + "'");
            }
            assertThat(DatabaseFingerprint.rowCount(before)).isGreaterThan(200);
            assertThat(source(f)).as("every source row, unchanged").isEqualTo(before);
        }
    }

    /** The destination spelled relative to the working directory and without the source's MODE setting. */
    @Test
    void oneH2FileUnderTwoSpellingsIsRefusedAndTheSourceKeepsEveryRow() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(200))) {
            String url = f.sourceUrl();
            Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')));
            String relative = Path.of("").toAbsolutePath().relativize(file).toString();
            assertThat(url).contains(";MODE=MSSQLServer");
            f.configure("osmigrate.env.dst.url", "jdbc:h2:file:./" + relative).spec(CLEANING_SPEC);
            Map<String, String> before = source(f);

            CliRun.Result run = osmigrate(f, "run", f.specFile().toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("source 'src'", "destination 'dst'", "are the same database", "H2 database file");
            assertThat(DatabaseFingerprint.rowCount(before)).isGreaterThan(200);
            assertThat(source(f)).isEqualTo(before);
        }
    }

    @Test
    void aSpecWhoseDestinationIsTheReadOnlyEnvironmentIsRefusedBeforeAnythingIsRead() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(200))) {
            f.configure("osmigrate.env.src.read-only", "true").spec(SWAPPED_SPEC);
            Map<String, String> before = source(f);

            CliRun.Result run = osmigrate(f, "run", f.specFile().toString());
            CliRun.Result plan = osmigrate(f, "plan", f.specFile().toString());

            for (CliRun.Result refused : List.of(run, plan)) {
                assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
                assertThat(refused.err()).contains(f.specFile().toString(), "environment 'src' is declared read-only",
                        "osmigrate.env.src.read-only = true", "swapped");
            }
            assertThat(source(f)).isEqualTo(before);

            f.spec(CLEANING_SPEC);
            assertThat(osmigrate(f, "plan", f.specFile().toString()).exitCode()).as("a read-only environment is a source")
                    .isZero();

            // with neither environment reachable the refusal is the same: it came before any connection
            f.configure("osmigrate.env.src.url", "jdbc:postgresql://127.0.0.1:1/nowhere")
                    .configure("osmigrate.env.dst.url", "jdbc:postgresql://127.0.0.1:1/nowhere").spec(SWAPPED_SPEC);
            CliRun.Result unreachable = osmigrate(f, "run", f.specFile().toString());
            assertThat(unreachable.exitCode()).isEqualTo(2);
            assertThat(unreachable.err()).contains("declared read-only").doesNotContain("cannot connect");
        }
    }

    @Test
    void theCleanPhaseDeletesOnlyWhenTheSpecOrFreshAsks() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(200))) {
            CliRun.Result first = osmigrate(f, "run", f.specFile().toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            Map<String, String> populated = destination(f);

            CliRun.Result refused = osmigrate(f, "run", f.specFile().toString(), "--phases", "clean");

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains(f.specFile().toString(), "clean: true", "--fresh", "nothing was deleted");
            assertThat(destination(f)).isEqualTo(populated);

            JobOutcome job;
            try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
                job = new JobRunner(runtime, SpecFolders.check(List.of(f.specFile().getParent()), "test"))
                        .execute("clean.yaml",
                        new JobRequest(f.specFile().toString(), "run", List.of("clean"), null));
            }
            assertThat(job.exitCode()).as(job.message()).isEqualTo(2);
            assertThat(job.message()).contains("clean: true", "fresh: true");
            assertThat(destination(f)).isEqualTo(populated);

            CliRun.Result fresh = osmigrate(f, "run", f.specFile().toString(), "--phases", "clean", "--fresh");

            assertThat(fresh.exitCode()).as(fresh.err()).isZero();
            assertThat(DatabaseFingerprint.rowCount(destination(f))).as("the scope's rows were deleted")
                    .isLessThan(DatabaseFingerprint.rowCount(populated));
        }
    }
}

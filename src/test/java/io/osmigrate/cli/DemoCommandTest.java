package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.app.Plans;
import io.osmigrate.config.EnvironmentSettings;
import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.sample.SampleEnvironments;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;
import io.osmigrate.testsupport.MigrationCheck;

/**
 * The demo command as a user runs it, on a configuration whose data directory is a temporary folder: it
 * creates the two demo environments there, prints the plan of config/migrations/demo.yaml, runs it, and
 * leaves the destination holding every moved row, checked row by row against the source.
 */
class DemoCommandTest {

    private static final int ROWS = 300;

    @TempDir
    Path dir;

    @Test
    void createsTheEnvironmentsPrintsThePlanAndMovesTheRows() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "osmigrate.data-dir = " + data.toAbsolutePath() + "\n");

        CliRun.Result result = CliRun.execute("--config", config.toString(), "demo", "--rows", Integer.toString(ROWS));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Plan for spec demo", "CatalogCore.Product", "OrdersCore.OrderLine", "Runnable");
        // the demo moves process instances: the plan's BPT part, the bpt phase's rows, the subscriptions added
        assertThat(result.out()).contains("processes in scope: OrdersCore.OrderFulfillment", "ServiceCenter.Process_Input",
                "events-added").containsPattern("bpt +ServiceCenter\\.Activity +\\d");
        assertThat(data.resolve("demo").resolve("source.mv.db")).exists();
        assertThat(data.resolve("demo").resolve("destination.mv.db")).exists();

        // what the demo destination held before the run: the same deterministic environments, made again elsewhere
        SampleEnvironments.DemoEnvironments fresh = SampleEnvironments.createH2Files(dir.resolve("fresh"), SampleOptions.of(ROWS), false);
        MigrationSpec spec = SpecLoader.load(Path.of("config/migrations/demo.yaml"));
        try (OsmRuntime runtime = OsmRuntime.standalone(config);
             Environment before = Environment.open(h2("before", fresh.destinationUrl()), Side.DESTINATION)) {
            runtime.override(h2(spec.source(), url(data, "source")));
            runtime.override(h2(spec.destination(), url(data, "destination")));
            Plan plan = Plans.make(runtime, spec);
            Map<String, Long> counts = MigrationCheck.counts(plan, before);
            MigrationCheck.Result check = MigrationCheck.check(plan, runtime.environment(spec, Side.SOURCE),
                    runtime.environment(spec, Side.DESTINATION), runtime.state(), counts);

            assertThat(check.problems()).isEmpty();
            long sourceRows = plan.moved().stream().mapToLong(PlannedEntity::sourceRows).sum();
            assertThat(sourceRows).isGreaterThan(ROWS / 2);
            assertThat(check.totalInserted()).as("every source row of a moved entity was inserted").isEqualTo(sourceRows);
        }
    }

    @Test
    void aDemoDestinationThatIsGoneIsFilledAgainNotTakenAsDone() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "osmigrate.data-dir = " + data.toAbsolutePath() + "\n");
        assertThat(CliRun.execute("--config", config.toString(), "demo", "--rows", "200").exitCode()).isZero();
        Files.delete(data.resolve("demo").resolve("destination.mv.db"));

        CliRun.Result again = CliRun.execute("--config", config.toString(), "demo", "--rows", "200");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("rows osmigrate wrote are gone");
        MigrationSpec spec = SpecLoader.load(Path.of("config/migrations/demo.yaml"));
        try (OsmRuntime runtime = OsmRuntime.standalone(config)) {
            runtime.override(h2(spec.source(), url(data, "source")));
            runtime.override(h2(spec.destination(), url(data, "destination")));
            Plan plan = Plans.make(runtime, spec);
            for (PlannedEntity e : plan.moved()) {
                assertThat(e.destinationRows()).as(e.entity().qualifiedName()).isGreaterThanOrEqualTo(e.sourceRows());
            }
        }
    }

    private static String url(Path data, String name) {
        return "jdbc:h2:file:" + data.resolve("demo").resolve(name).toAbsolutePath() + ";MODE=MSSQLServer";
    }

    private static EnvironmentSettings h2(String name, String url) {
        return new EnvironmentSettings(name, url, SampleEnvironments.H2_USER, SampleEnvironments.H2_PASSWORD, 4, Duration.ofSeconds(10));
    }
}

package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.app.ExitCode;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.DeadLetter;
import io.osmigrate.testsupport.LogCapture;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * Tracing switched on from the configuration for one table: Camel's tracer logs each step its records pass, and a
 * dead letter of that table names the steps its record went through, in order, stored and listed by dead-letters;
 * a table not traced, and a run with tracing off, keep no steps and run as before.
 */
class TracingH2Test {

    @TempDir
    Path dir;

    @Test
    void aDeadLetterOfATracedTableNamesTheStepsItsRecordWentThrough() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(150).withConflictingCoupons(true))
                .addMissingUsersToDestination()) {
            f.configure("osmigrate.trace.entities", "OrdersCore.Coupon");
            CliRun.Result traced;
            String log;
            try (LogCapture tracing = new LogCapture("org.apache.camel.Tracing")) {
                traced = CliRun.execute("--config", f.config().toString(), "run", f.specFile().toString());
                log = tracing.text();
            }
            assertThat(traced.exitCode()).as(traced.out() + traced.err()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            String runId = ReplayContract.runId(traced);
            List<DeadLetter> letters = ReplayContract.letters(f, runId);
            List<DeadLetter> coupons = letters.stream().filter(d -> d.entity().equals("OrdersCore.Coupon")).toList();
            assertThat(coupons).hasSize(3);
            String route = coupons.get(0).steps().get(0).replace("-read", "");
            assertThat(route).matches("data-[0-9]+-OrdersCore-Coupon");
            assertThat(coupons).allSatisfy(d -> assertThat(d.steps()).containsExactly(route + "-read", route + "-batches",
                    route + "-records", route + "-enrich", route + "-skip-paired", route + "-resolve", route + "-write",
                    route + "-reject", route + "-dead-letter"));
            assertThat(letters).filteredOn(d -> !d.entity().equals("OrdersCore.Coupon")).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.steps()).isEmpty());
            // the tracer logged the traced table's steps, each record with its source id, and no other table's
            assertThat(log).contains(route + "-write", "OsmSourceId=" + coupons.get(0).sourceId()).doesNotContain("OrdersCore-Order-");

            CliRun.Result listed = CliRun.execute("--config", f.config().toString(), "dead-letters", "--run", runId, "--entity",
                    "OrdersCore.Coupon");
            assertThat(listed.out()).contains("    steps: " + route + "-read → " + route + "-batches → ");
            CliRun.Result json = CliRun.execute("--config", f.config().toString(), "dead-letters", "--run", runId, "--format", "json");
            JsonNode first = new ObjectMapper().readTree(json.out()).get(0);
            assertThat(first.get("steps").isArray()).isTrue();

            // tracing off: the same rows fail again, with no steps, and nothing is logged by the tracer
            f.configure("osmigrate.trace.entities", null);
            CliRun.Result untraced;
            try (LogCapture tracing = new LogCapture("org.apache.camel.Tracing")) {
                untraced = ReplayContract.replay(f, runId);
                assertThat(tracing.text()).isEmpty();
            }
            assertThat(untraced.exitCode()).as(untraced.out() + untraced.err()).isEqualTo(ExitCode.DEAD_LETTERS.code());
            List<DeadLetter> again = ReplayContract.letters(f, ReplayContract.runId(untraced));
            assertThat(again).hasSameSizeAs(letters).allSatisfy(d -> assertThat(d.steps()).isEmpty());
        }
    }
}

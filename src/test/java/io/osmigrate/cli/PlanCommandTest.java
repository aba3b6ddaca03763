package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.plan.ColumnRole;
import io.osmigrate.plan.DeferredReference;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanJson;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** The plan command on the sample solution: its JSON, its exit codes, and that it writes nothing. */
class PlanCommandTest {

    @TempDir
    Path dir;

    private MigrationFixture fixture;

    @BeforeEach
    void sample() throws Exception {
        fixture = MigrationFixture.h2(dir, SampleOptions.of(200));
    }

    private int osmigrate(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = fixture.config().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return OsMigrate.execute(all);
    }

    /** The demo spec file itself (not a copy), planned against the sample solution under the demo's environment names. */
    @Test
    void theDemoPlanOrdersEveryEntityAfterItsNonDeferredTargetsAndListsTheDeferredReferences() throws Exception {
        Path demoSpec = Path.of("config/migrations/demo.yaml");
        Path json = dir.resolve("plan.json");
        Map<String, Long> before = fixture.destinationCounts();
        assertThat(OsMigrate.execute("--config", fixture.configNaming("demo-source", "demo-destination").toString(),
                "plan", demoSpec.toString(), "--json", json.toString())).isZero();
        Plan plan = PlanJson.read(json);
        assertThat(Path.of(plan.specFile())).isEqualTo(demoSpec);

        List<PlannedEntity> entities = plan.entities();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            position.put(entities.get(i).entity().qualifiedName(), i);
        }
        int checked = 0;
        for (PlannedEntity e : entities) {
            for (String target : nonDeferredTargets(e)) {
                if (position.containsKey(target)) {
                    assertThat(position.get(target)).as(e.entity().qualifiedName() + " → " + target)
                            .isLessThan(position.get(e.entity().qualifiedName()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("references checked").isGreaterThan(5);
        assertThat(plan.entity("CatalogCore.Product").orElseThrow().step()).isEqualTo("resolve-first");
        assertThat(plan.entity("OrdersCore.OrderLine").orElseThrow().column("ProductId").orElseThrow().target().qualifiedName())
                .isEqualTo("CatalogCore.Product");
        assertThat(Files.readString(json)).contains("\"step\" : \"resolve-first\"");

        assertThat(plan.deferred()).extracting(d -> d.entity().qualifiedName() + "." + d.attribute())
                .containsExactlyInAnyOrder("OrdersCore.Customer.PrimaryAddressId", "SupportCore.Ticket.ParentTicketId",
                        // the process instances' self-references, and the process-activity cycle broken at its optional edge
                        "ServiceCenter.Process.PARENT_PROCESS_ID", "ServiceCenter.Process.TOP_PROCESS_ID",
                        "ServiceCenter.Activity.PRECEDENT_ACTIVITY_ID", "ServiceCenter.Process.PARENT_ACTIVITY_ID");
        assertThat(plan.deferred()).extracting(DeferredReference::reason)
                .anyMatch(r -> r.contains("cycle")).anyMatch(r -> r.equals("self-reference"));
        assertThat(fixture.destinationCounts()).as("plan writes nothing").isEqualTo(before);
        assertThat(dir.resolve("state.mv.db")).as("plan opens no state store").doesNotExist();
    }

    /** The entities whose rows must exist before this entity's rows: non-deferred references, match and identifier. */
    private static List<String> nonDeferredTargets(PlannedEntity e) {
        List<String> targets = new java.util.ArrayList<>();
        e.columns().stream().filter(c -> c.role() == ColumnRole.REFERENCE && !c.deferred())
                .forEach(c -> targets.add(c.target().qualifiedName()));
        e.match().stream().filter(m -> m.role() == ColumnRole.REFERENCE).forEach(m -> targets.add(m.target().qualifiedName()));
        if (e.identifier() != null && e.identifier().target() != null) {
            targets.add(e.identifier().target().qualifiedName());
        }
        return targets;
    }

    @Test
    void blockingPlanErrorsExitWith3() throws Exception {
        fixture.spec("source: src\ndestination: dst\nscope: {applications: [Orders]}\n");
        assertThat(osmigrate("plan", fixture.specFile().toString())).isEqualTo(3);
    }

    @Test
    void anUnknownEnvironmentNamesTheSpecFileTheKeyTheNameAndTheKnownEnvironments() throws Exception {
        fixture.spec("source: src\ndestination: nowhere\nscope: {applications: [Orders]}\n");
        CliRun.Result result = CliRun.execute("--config", fixture.config().toString(), "plan", fixture.specFile().toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(fixture.specFile() + ": destination: unknown environment 'nowhere'")
                .contains("known environments").contains("dst, src");

        fixture.spec("source: elsewhere\ndestination: dst\nscope: {applications: [Orders]}\n");
        result = CliRun.execute("--config", fixture.config().toString(), "plan", fixture.specFile().toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(fixture.specFile() + ": source: unknown environment 'elsewhere'").contains("dst, src");
    }

    @Test
    void configurationMistakesExitWith2() throws Exception {
        fixture.spec("source: src\ndestination: nowhere\nscope: {applications: [Orders]}\n");
        assertThat(osmigrate("plan", fixture.specFile().toString())).isEqualTo(2);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "source: src\ndestination: dst\nscope: {applications: [Orders]}\nclen: true\n");
        assertThat(osmigrate("plan", bad.toString())).isEqualTo(2);
        assertThat(osmigrate("plan", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(osmigrate("no-such-command")).isEqualTo(2);
    }
}

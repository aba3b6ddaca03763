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

import io.osmigrate.plan.ColumnPlan;
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

    @Test
    void theDemoPlanOrdersEveryEntityAfterItsNonDeferredTargetsAndListsTheDeferredReferences() throws Exception {
        Path json = dir.resolve("plan.json");
        Map<String, Long> before = fixture.destinationCounts();
        assertThat(osmigrate("plan", fixture.specFile().toString(), "--json", json.toString())).isZero();
        Plan plan = PlanJson.read(json);
        List<PlannedEntity> moved = plan.moved();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < moved.size(); i++) {
            position.put(moved.get(i).entity().qualifiedName(), i);
        }
        for (PlannedEntity e : moved) {
            for (ColumnPlan c : e.columns()) {
                if (c.role() == ColumnRole.REFERENCE && !c.deferred() && position.containsKey(c.target().qualifiedName())) {
                    assertThat(position.get(c.target().qualifiedName())).as(e.entity() + "." + c.attribute())
                            .isLessThan(position.get(e.entity().qualifiedName()));
                }
            }
        }
        assertThat(plan.deferred()).extracting(d -> d.entity().qualifiedName() + "." + d.attribute())
                .containsExactlyInAnyOrder("OrdersCore.Customer.PrimaryAddressId", "SupportCore.Ticket.ParentTicketId");
        assertThat(plan.deferred()).extracting(DeferredReference::reason)
                .anyMatch(r -> r.contains("cycle")).anyMatch(r -> r.equals("self-reference"));
        assertThat(fixture.destinationCounts()).as("plan writes nothing").isEqualTo(before);
        assertThat(dir.resolve("state.mv.db")).as("plan opens no state store").doesNotExist();
    }

    @Test
    void blockingPlanErrorsExitWith3() throws Exception {
        fixture.spec("source: src\ndestination: dst\nscope: {applications: [Orders]}\n");
        assertThat(osmigrate("plan", fixture.specFile().toString())).isEqualTo(3);
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

package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.phases.VerifyPhase;
import io.osmigrate.app.ExitCode;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.Finding;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.plan.UnpairedDestinationRows;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * Rows no key-map pair accounts for: a destination table that grows during a run by more than the run
 * inserted ends the run UNACCOUNTED (exit 5, the table named), and a plan made with a state store that
 * pairs none of a migrated destination's rows warns before anything is written.
 */
class AccountingH2Test {

    @TempDir
    Path dir;

    @Test
    void aTableThatGrowsByRowsTheRunDidNotInsertFailsTheVerification() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(2000)).addMissingUsersToDestination()) {
            f.configure("osmigrate.batch-size", "20");
            long before = f.destinationCounts().get("OrdersCore.Coupon");
            String insertCoupon = insertCoupon(f);
            CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return f.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // once the data phase writes, the counts the verification starts from are taken: another writer adds a row
            while (f.destinationCounts().get("OrdersCore.Customer") == 0 && !run.isDone()) {
                Thread.sleep(20);
            }
            try (Connection c = f.writableDestination(); Statement s = c.createStatement()) {
                s.executeUpdate(insertCoupon);
            }
            RunReport report = run.get(120, TimeUnit.SECONDS);

            assertThat(report.exitCode()).as(report.message()).isEqualTo(ExitCode.UNACCOUNTED.code());
            assertThat(report.state()).isEqualTo("UNACCOUNTED");
            assertThat(report.message()).contains("OrdersCore.Coupon grew by").doesNotContain("OrdersCore.Order grew");
            assertThat(report.verify()).filteredOn(VerifyPhase.Check::unaccounted).extracting(VerifyPhase.Check::entity)
                    .containsExactly("OrdersCore.Coupon");
            VerifyPhase.Check coupons = report.verify().stream().filter(c -> c.entity().equals("OrdersCore.Coupon"))
                    .findFirst().orElseThrow();
            assertThat(coupons.expectedGrowth()).isPositive();
            assertThat(coupons.growth()).isEqualTo(coupons.expectedGrowth() + 1);
            assertThat(f.destinationCounts().get("OrdersCore.Coupon")).isEqualTo(before + coupons.expectedGrowth() + 1);
        }
    }

    @Test
    void aMigratedDestinationWithoutItsKeyMapIsAWarningInThePlanAndNoStateStoreIsMade() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(300)).addMissingUsersToDestination()) {
            assertThat(f.plan().findings()).extracting(Finding::code).doesNotContain(UnpairedDestinationRows.CODE);
            assertThat(f.run().exitCode()).isZero();
            assertThat(f.plan().findings()).as("the key map pairs the rows").extracting(Finding::code)
                    .doesNotContain(UnpairedDestinationRows.CODE);

            Path lost = dir.resolve("another-data-dir");
            f.configure("osmigrate.data-dir", lost.toString());
            Plan plan = f.plan();

            assertThat(plan.findings()).filteredOn(x -> x.code().equals(UnpairedDestinationRows.CODE))
                    .extracting(Finding::subject).contains("OrdersCore.Order", "SupportCore.Ticket");
            assertThat(plan.findings()).filteredOn(x -> x.subject().equals("OrdersCore.Order")
                    && x.code().equals(UnpairedDestinationRows.CODE)).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("match-existing", "--fresh"));
            assertThat(plan.runnable()).as("a warning, not a block").isTrue();
            assertThat(lost.resolve("state")).as("planning made no state store").doesNotExist();
            assertThat(Files.exists(lost.resolve("state/osmigrate.db"))).isFalse();
        }
    }

    /** A coupon written by someone else while osmigrate runs. */
    private static String insertCoupon(MigrationFixture f) {
        PlannedEntity coupon = f.plan().entity("OrdersCore.Coupon").orElseThrow();
        Map<String, String> values = Map.of("Code", "'OTHER-WRITER'", "DiscountPercent", "5", "ValidUntil", "DATE '2030-01-01'");
        StringBuilder columns = new StringBuilder(coupon.identifier().destinationColumn());
        StringBuilder literals = new StringBuilder("'another-writer-1'");
        for (ColumnPlan c : coupon.columns()) {
            columns.append(", ").append(c.destinationColumn());
            literals.append(", ").append(values.get(c.attribute()));
        }
        return "INSERT INTO " + coupon.destinationTable() + " (" + columns + ") VALUES (" + literals + ")";
    }
}

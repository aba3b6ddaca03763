package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * What a refresh promises, run on each engine: rows moved by an earlier run and changed in the source since
 * (a value, a reference) are brought up to date in the destination, compared row by row with their source;
 * only the rows that differ are written, so a second refresh writes none; and {@code onConflict:
 * update-existing} gives the destination rows it matched the source's values.
 */
abstract class RefreshContract {

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    private static long updated(RunReport r, String entity) {
        return r.entities().stream().filter(e -> e.phase().equals("refresh") && e.entity().equals(entity))
                .mapToLong(EntityFigures::deferredUpdates).sum();
    }

    private static long updatedEverywhere(RunReport r) {
        return r.entities().stream().filter(e -> e.phase().equals("refresh")).mapToLong(EntityFigures::deferredUpdates).sum();
    }

    @Test
    void aRefreshUpdatesTheMovedRowsThatChangedInTheSourceAndOnlyThose() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(200)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            assertThat(f.run().exitCode()).isZero();
            try (Connection src = f.writableSource(); Statement s = src.createStatement()) {
                // three orders change a value each; one order line now belongs to another order (a reference)
                assertThat(s.executeUpdate("UPDATE OSUSR_A1B_ORDER SET TOTAL = COALESCE(TOTAL, 0) + 1 WHERE ID IN"
                        + " (SELECT ID FROM OSUSR_A1B_ORDER ORDER BY ID FETCH FIRST 3 ROWS ONLY)")).isEqualTo(3);
                assertThat(s.executeUpdate("UPDATE OSUSR_A1B_ORDERLINE SET ORDERID = (SELECT MAX(ID) FROM OSUSR_A1B_ORDER)"
                        + " WHERE ID = (SELECT MIN(ID) FROM OSUSR_A1B_ORDERLINE)")).isEqualTo(1);
            }

            RunReport plain = f.run();
            assertThat(plain.exitCode()).isZero();
            assertThat(plain.entities()).noneMatch(e -> e.phase().equals("refresh"));
            assertThat(f.check(before).problems()).as("a run without refresh leaves the changed rows as they were")
                    .isNotEmpty();

            RunReport refreshed = f.run(new RunOptions(List.of(), false, true));
            assertThat(refreshed.exitCode()).as(refreshed.message()).isZero();
            assertThat(updated(refreshed, "OrdersCore.Order")).isEqualTo(3);
            assertThat(updated(refreshed, "OrdersCore.OrderLine")).isEqualTo(1);
            assertThat(updatedEverywhere(refreshed)).isEqualTo(4);
            assertThat(refreshed.entities()).filteredOn(e -> e.phase().equals("data"))
                    .allSatisfy(e -> assertThat(e.inserted()).isZero());
            assertThat(f.check(before).problems()).isEmpty();

            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "refresh: changed\nscope:"));
            RunReport again = f.run();
            assertThat(again.exitCode()).isZero();
            assertThat(again.entities()).anyMatch(e -> e.phase().equals("refresh") && e.entity().equals("OrdersCore.Order")
                    && e.read() > 0);
            assertThat(updatedEverywhere(again)).as("nothing differs any more").isZero();
        }
    }

    @Test
    void updateExistingGivesTheMatchedDestinationRowsTheSourcesValues() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(200).withConflictingCoupons(true))
                .addMissingUsersToDestination()) {
            f.spec(MigrationFixture.BASE_SPEC + "  OrdersCore.Coupon:\n    onConflict: update-existing\n    match: [Code]\n");
            // the three coupons both sides hold, by Code (only the destination's, before the run)
            String query = "SELECT CODE, DISCOUNTPERCENT, VALIDUNTIL FROM %s WHERE CODE IN (" + codes(f) + ") ORDER BY CODE";
            List<List<Object>> source;
            try (Connection src = f.writableSource()) {
                source = rows(src, String.format(query, "OSUSR_A1B_COUPON"));
            }
            assertThat(source).hasSize(3);
            try (Connection dst = f.writableDestination()) {
                assertThat(rows(dst, String.format(query, "OSUSR_Q9Z_COUPON"))).as("the destination's coupons differ at first")
                        .isNotEqualTo(source);
            }
            Map<String, Long> before = f.destinationCounts();

            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            assertThat(report.entities()).anyMatch(e -> e.phase().equals("data") && e.entity().equals("OrdersCore.Coupon")
                    && e.matched() == 3);
            assertThat(updated(report, "OrdersCore.Coupon")).isBetween(1L, 3L);
            assertThat(updatedEverywhere(report)).as("only the matched rows are refreshed").isEqualTo(updated(report,
                    "OrdersCore.Coupon"));
            try (Connection dst = f.writableDestination()) {
                assertThat(rows(dst, String.format(query, "OSUSR_Q9Z_COUPON"))).isEqualTo(source);
            }
            assertThat(f.check(before).problems()).isEmpty();
        }
    }

    /** The destination's coupon codes, as a list of SQL literals. */
    private static String codes(MigrationFixture f) throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection dst = f.writableDestination()) {
            for (List<Object> r : rows(dst, "SELECT CODE FROM OSUSR_Q9Z_COUPON")) {
                codes.add("'" + r.get(0) + "'");
            }
        }
        return String.join(", ", codes);
    }

    private static List<List<Object>> rows(Connection c, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v == null ? null : v.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}

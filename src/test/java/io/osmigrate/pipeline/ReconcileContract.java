package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.run.ReportFiles;
import io.osmigrate.run.ReportPrinter;
import io.osmigrate.run.RunOptions;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * What the verify phase's reconciliation by value promises, run on each engine: after a run, every moved row (copied,
 * anonymised, statics, tenants, users and references mapped) equals its destination row; a value, an anonymised
 * value and a reference changed in the destination behind osmigrate's back, and a destination row deleted, are
 * listed, exactly those, with the columns that differ (an anonymised column shows its anonymised value, never the
 * source's); a source row whose reference no longer resolves is not comparable rather than different; and
 * {@code --sample N} compares at most N rows a table. One fixture for all of it: the runs after the first are
 * verify-only, so the whole contract costs one move and three verifications.
 */
abstract class ReconcileContract {

    private static final List<Phase> VERIFY = List.of(Phase.VERIFY);

    @TempDir
    Path dir;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    private static ValueCheck check(RunReport r, String entity) {
        return r.reconciliation().stream().filter(c -> c.entity().equals(entity)).findFirst().orElseThrow();
    }

    @Test
    void verifyComparesTheMovedRowsByValueAndListsTheRowsThatDiffer() throws Exception {
        try (MigrationFixture f = fixture(dir, SampleOptions.of(200)).addMissingUsersToDestination()) {
            f.configure(AnonymizeContract.KEY, AnonymizeContract.KEY_VALUE);
            f.spec(MigrationFixture.BASE_SPEC + AnonymizeContract.ANONYMIZE);
            RunReport moved = f.run();
            assertThat(moved.exitCode()).as(moved.message()).isZero();
            assertThat(moved.reconciliation()).extracting(ValueCheck::entity).contains("OrdersCore.Order", "OrdersCore.OrderLine",
                    "OrdersCore.Customer", "OrdersCore.CustomerProfile", "OrdersCore.Coupon");
            assertThat(moved.reconciliation()).allSatisfy(c -> {
                assertThat(c.differs()).as("%s", c).isFalse();
                assertThat(c.notComparable()).as("%s", c).isZero();
                assertThat(c.sample()).isNull();
            });
            long orders = moved.entities().stream().filter(e -> e.phase().equals("data") && e.entity().equals("OrdersCore.Order"))
                    .mapToLong(e -> e.inserted()).sum();
            assertThat(check(moved, "OrdersCore.Order").compared()).as("every moved order").isEqualTo(orders).isPositive();
            assertThat(ReportPrinter.print(moved)).contains("Reconciliation by value", "Every compared row holds its source's values");

            // behind osmigrate's back: an order's total and (anonymised) notes, a line's order, another line deleted;
            // in the source, an order's coupon that no longer exists
            long order;
            long line;
            long deleted;
            Object total;
            String notes;
            long lineOrder;
            long otherOrder;
            try (Connection dst = f.writableDestination(); Statement s = dst.createStatement()) {
                order = single(s, "SELECT MAX(ID) FROM OSUSR_Q9Z_ORDER WHERE NOTES IS NOT NULL");
                total = value(s, "SELECT TOTAL FROM OSUSR_Q9Z_ORDER WHERE ID = " + order);
                notes = (String) value(s, "SELECT NOTES FROM OSUSR_Q9Z_ORDER WHERE ID = " + order);
                deleted = single(s, "SELECT MAX(ID) FROM OSUSR_Q9Z_ORDERLINE");
                line = single(s, "SELECT MAX(ID) FROM OSUSR_Q9Z_ORDERLINE WHERE ID < " + deleted);
                lineOrder = single(s, "SELECT ORDERID FROM OSUSR_Q9Z_ORDERLINE WHERE ID = " + line);
                otherOrder = single(s, "SELECT MIN(ID) FROM OSUSR_Q9Z_ORDER WHERE ID <> " + lineOrder);
                assertThat(s.executeUpdate("UPDATE OSUSR_Q9Z_ORDER SET TOTAL = COALESCE(TOTAL, 0) + 1, NOTES = 'changed'"
                        + " WHERE ID = " + order)).isEqualTo(1);
                assertThat(s.executeUpdate("UPDATE OSUSR_Q9Z_ORDERLINE SET ORDERID = " + otherOrder + " WHERE ID = " + line))
                        .isEqualTo(1);
                assertThat(s.executeUpdate("DELETE FROM OSUSR_Q9Z_ORDERLINE WHERE ID = " + deleted)).isEqualTo(1);
            }
            try (Connection src = f.writableSource(); Statement s = src.createStatement()) {
                assertThat(s.executeUpdate("UPDATE OSUSR_A1B_ORDER SET COUPONID = 'no-such-coupon'"
                        + " WHERE ID = (SELECT MIN(ID) FROM OSUSR_A1B_ORDER)")).isEqualTo(1);
            }

            RunReport verified = f.run(new RunOptions(VERIFY, false));
            assertThat(verified.exitCode()).as("differences are reported, not an exit code: " + verified.message()).isZero();
            assertThat(verified.entities()).allSatisfy(e -> assertThat(e.phase()).isEqualTo("verify"));
            ValueCheck orderCheck = check(verified, "OrdersCore.Order");
            assertThat(orderCheck.differing()).isEqualTo(1);
            assertThat(orderCheck.missing()).isZero();
            assertThat(orderCheck.notComparable()).as("the order whose coupon is gone").isEqualTo(1);
            assertThat(orderCheck.compared()).isEqualTo(orders - 1);
            ValueCheck.Difference changed = orderCheck.differences().get(0);
            assertThat(changed.destinationId()).isEqualTo(Long.toString(order));
            assertThat(changed.missing()).isFalse();
            assertThat(changed.columns()).extracting(ValueCheck.Column::attribute).containsExactlyInAnyOrder("Total", "Notes");
            ValueCheck.Column totalColumn = changed.columns().stream().filter(c -> c.attribute().equals("Total")).findFirst()
                    .orElseThrow();
            assertThat(new java.math.BigDecimal(totalColumn.destinationValue()))
                    .isEqualByComparingTo(new java.math.BigDecimal(totalColumn.mappedSourceValue()).add(java.math.BigDecimal.ONE));
            assertThat(new java.math.BigDecimal(totalColumn.mappedSourceValue()))
                    .isEqualByComparingTo(total == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(total.toString()));
            ValueCheck.Column notesColumn = changed.columns().stream().filter(c -> c.attribute().equals("Notes")).findFirst()
                    .orElseThrow();
            assertThat(notesColumn.destinationValue()).isEqualTo("changed");
            assertThat(notesColumn.mappedSourceValue()).as("the anonymised value, as it was written").isEqualTo(RowDigest.shown(notes));
            try (Connection src = f.writableSource(); Statement s = src.createStatement()) {
                Object sourceNotes = value(s, "SELECT NOTES FROM OSUSR_A1B_ORDER WHERE ID = " + changed.sourceId());
                assertThat(notesColumn.mappedSourceValue()).as("never the source's value in clear").isNotNull()
                        .isNotEqualTo(sourceNotes);
            }

            ValueCheck lines = check(verified, "OrdersCore.OrderLine");
            assertThat(lines.differing()).isEqualTo(1);
            assertThat(lines.missing()).isEqualTo(1);
            assertThat(lines.differences()).hasSize(2);
            ValueCheck.Difference moved0 = lines.differences().stream().filter(d -> !d.missing()).findFirst().orElseThrow();
            assertThat(moved0.destinationId()).isEqualTo(Long.toString(line));
            assertThat(moved0.columns()).singleElement().satisfies(c -> {
                assertThat(c.attribute()).isEqualTo("OrderId");
                assertThat(c.mappedSourceValue()).isEqualTo(Long.toString(lineOrder));
                assertThat(c.destinationValue()).isEqualTo(Long.toString(otherOrder));
            });
            assertThat(lines.differences()).filteredOn(ValueCheck.Difference::missing).singleElement()
                    .satisfies(d -> assertThat(d.destinationId()).isEqualTo(Long.toString(deleted)));
            assertThat(verified.reconciliation()).filteredOn(c -> !List.of("OrdersCore.Order", "OrdersCore.OrderLine")
                    .contains(c.entity())).allSatisfy(c -> assertThat(c.differs()).as("%s", c).isFalse());
            assertThat(ReportPrinter.print(verified)).contains("WARNING OrdersCore.Order: 1 rows differ",
                    "source id " + changed.sourceId() + " → destination id " + order, "Total: source '",
                    "destination id " + deleted + ": missing", "OrderId: source '" + lineOrder + "', destination '" + otherOrder + "'");
            assertThat(Files.readString(Path.of(verified.reportFile()))).contains("\"reconciliation\"", "\"mappedSourceValue\"",
                    "\"notComparable\"");
            assertThat(ReportFiles.read(Path.of(verified.reportFile())).orElseThrow().reconciliation()).as("report RUN prints it again")
                    .isEqualTo(verified.reconciliation());

            // --sample 5: at most five rows a table, spread from its first paired row (here, the order without coupon)
            RunReport sampled = f.run(new RunOptions(VERIFY, false, false, 5));
            assertThat(sampled.reconciliation()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.sample()).isEqualTo(5);
                assertThat(c.compared() + c.missing() + c.notComparable()).as("%s", c).isLessThanOrEqualTo(5);
            });
            ValueCheck sampledOrders = check(sampled, "OrdersCore.Order");
            assertThat(sampledOrders.compared() + sampledOrders.notComparable()).isEqualTo(5);
            assertThat(sampledOrders.notComparable()).isEqualTo(1);
            assertThat(sampled.entities()).allSatisfy(e -> assertThat(e.read()).isLessThanOrEqualTo(5));

            RunReport none = f.run(new RunOptions(VERIFY, false, false, 0));
            assertThat(none.reconciliation()).isEmpty();
            assertThat(none.entities()).as("nothing read").isEmpty();
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        return ((Number) value(s, sql)).longValue();
    }

    private static Object value(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1);
        }
    }
}

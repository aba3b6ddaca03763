package io.osmigrate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.OsmRuntime;
import io.osmigrate.dialect.Dialect;
import io.osmigrate.env.Environment;
import io.osmigrate.plan.ColumnPlan;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.EntityFigures;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;

/**
 * The checker the integration tests rely on catches what it claims to: each test moves the sample
 * solution (H2), sees the check pass, then corrupts the destination or the key map the way a faulty
 * run would and expects the check to name the fault. The corruptions are ones the row counts alone do
 * not reveal.
 */
class MigrationCheckTest {

    private static final long ROWS = 300;

    @TempDir
    Path dir;

    @Test
    void aSourceRowMovedTwiceIsReportedThoughTheCountsAgree() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            assertThat(f.run().exitCode()).isZero();
            assertThat(f.check(before).problems()).isEmpty();

            PlannedEntity comments = f.plan().entity("SupportCore.TicketComment").orElseThrow();
            try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
                KeyMap keyMap = runtime.state().keyMap();
                int scope = keyMap.scope("src", "dst", comments.entity(), MapKind.MOVED);
                PairBlock.Pair first = keyMap.allPairs(scope).get(0);
                // a second copy of the row, paired as if a second insert had recorded it: one more row, one more pair
                long copy = copyRow(f, comments, first.destination());
                keyMap.store(scope, "corrupting-test", PairBlock.of(List.of(new PairBlock.Pair(first.source(), copy,
                        PairBlock.Kind.INSERTED))));

                assertThat(f.check(before).problems()).singleElement().asString()
                        .contains("SupportCore.TicketComment: source row " + first.source() + " has two pairs");
            }
        }
    }

    @Test
    void aMatchedRowPairedWithARowOfAnotherKeyIsReported() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(ROWS).withConflictingCoupons(true))
                .addMissingUsersToDestination()) {
            f.spec(MigrationFixture.BASE_SPEC + "  OrdersCore.Coupon:\n    onConflict: match-existing\n    match: [Code]\n");
            Map<String, Long> before = f.destinationCounts();
            assertThat(f.run().exitCode()).isZero();
            assertThat(f.check(before).problems()).isEmpty();

            PlannedEntity coupons = f.plan().entity("OrdersCore.Coupon").orElseThrow();
            try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
                KeyMap keyMap = runtime.state().keyMap();
                int scope = keyMap.scope("src", "dst", coupons.entity(), MapKind.MOVED);
                List<PairBlock.Pair> matched = keyMap.allPairs(scope).stream().filter(p -> p.kind() == PairBlock.Kind.MATCHED).toList();
                assertThat(matched).hasSize(3);
                PairBlock.Pair moved = matched.get(0);
                Object otherRow = matched.get(1).destination();
                // the first matched coupon re-pointed at another existing coupon, as a lookup by the wrong key would
                keyMap.removeDestinations(scope, Set.of(moved.destination()));
                keyMap.store(scope, "corrupting-test", PairBlock.of(List.of(new PairBlock.Pair(moved.source(), otherRow,
                        PairBlock.Kind.MATCHED))));

                assertThat(f.check(before).problems()).singleElement().asString()
                        .contains("OrdersCore.Coupon: source row " + moved.source() + " is matched with destination row " + otherRow
                                + ", whose key differs", "Code");
            }
        }
    }

    @Test
    void aLookupPairBetweenRowsOfDifferentKeysIsReported() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(ROWS)).addMissingUsersToDestination()) {
            Map<String, Long> before = f.destinationCounts();
            assertThat(f.run().exitCode()).isZero();
            assertThat(f.check(before).problems()).isEmpty();

            PlannedEntity products = f.plan().entity("CatalogCore.Product").orElseThrow();
            try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
                KeyMap keyMap = runtime.state().keyMap();
                int scope = keyMap.scope("src", "dst", products.entity(), MapKind.LOOKUP);
                List<PairBlock.Pair> pairs = keyMap.allPairs(scope);
                PairBlock.Pair a = pairs.get(0);
                PairBlock.Pair b = pairs.get(1);
                // two products' pairs swapped
                keyMap.removeDestinations(scope, Set.of(a.destination(), b.destination()));
                keyMap.store(scope, "corrupting-test", PairBlock.of(List.of(
                        new PairBlock.Pair(a.source(), b.destination(), PairBlock.Kind.LOOKUP),
                        new PairBlock.Pair(b.source(), a.destination(), PairBlock.Kind.LOOKUP))));

                assertThat(f.check(before).problems())
                        .anyMatch(p -> p.startsWith("CatalogCore.Product: source row " + a.source() + " (key ")
                                && p.contains("is looked up as destination row " + b.destination() + ", whose key is"))
                        .anyMatch(p -> p.startsWith("CatalogCore.Product: source row " + b.source() + " (key "));

                // a product left without its pair although the destination has its twin
                keyMap.removeDestinations(scope, Set.of(b.destination()));
                assertThat(f.check(before).problems()).anyMatch(p -> p.startsWith("CatalogCore.Product: source row " + a.source()
                        + " has no lookup pair, yet destination row " + a.destination() + " has its key"));
            }
        }
    }

    @Test
    void aReferenceEmptiedAgainstItsPolicyIsReported() throws Exception {
        try (MigrationFixture f = MigrationFixture.h2(dir, SampleOptions.of(ROWS).withDanglingIgnoreReferences(true))
                .addMissingUsersToDestination()) {
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "defaults:\n  unresolvedReference: empty\nscope:"));
            Map<String, Long> before = f.destinationCounts();
            RunReport report = f.run();
            assertThat(report.exitCode()).as(report.message()).isZero();
            long emptied = report.entities().stream().filter(e -> e.phase().equals("data") && e.entity().equals("OrdersCore.Order"))
                    .mapToLong(EntityFigures::nulled).sum();
            assertThat(emptied).isPositive();
            assertThat(f.check(before).problems()).isEmpty();

            // the same destination judged under the default policy (dead-letter): those rows should not be there
            f.spec(MigrationFixture.BASE_SPEC);
            List<String> problems = f.check(before).problems();
            assertThat(problems).hasSize((int) emptied).allSatisfy(p -> assertThat(p)
                    .startsWith("OrdersCore.Order ").contains(".CouponId: reference ", "has no pair, so the row should have been"
                            + " dead-lettered, yet it was inserted with the reference empty (the policy is not empty)"));

            // and a reference that has a pair, emptied, is a plain wrong value
            PlannedEntity orders = f.plan().entity("OrdersCore.Order").orElseThrow();
            ColumnPlan customer = orders.column("CustomerId").orElseThrow();
            try (Environment dst = f.destination(); Connection c = f.writableDestination(); Statement s = c.createStatement()) {
                Dialect d = dst.dialect();
                s.executeUpdate("UPDATE " + d.quote(orders.destinationTable()) + " SET " + d.quote(customer.destinationColumn())
                        + " = NULL WHERE " + d.quote(orders.identifier().destinationColumn()) + " = (SELECT MAX("
                        + d.quote(orders.identifier().destinationColumn()) + ") FROM " + d.quote(orders.destinationTable()) + ")");
            }
            f.spec(MigrationFixture.BASE_SPEC.replace("scope:", "defaults:\n  unresolvedReference: empty\nscope:"));
            assertThat(f.check(before).problems()).singleElement().asString()
                    .contains(".CustomerId (REFERENCE): expected ", "destination holds <null>");
        }
    }

    /** Inserts a copy of a destination row (all written columns) and returns the copy's new id. */
    private static long copyRow(MigrationFixture f, PlannedEntity e, Object id) throws Exception {
        try (Environment dst = f.destination(); Connection c = f.writableDestination()) {
            Dialect d = dst.dialect();
            String columns = e.columns().stream().map(ColumnPlan::destinationColumn).filter(Objects::nonNull).map(d::quote)
                    .collect(Collectors.joining(", "));
            String sql = "INSERT INTO " + d.quote(e.destinationTable()) + " (" + columns + ") SELECT " + columns + " FROM "
                    + d.quote(e.destinationTable()) + " WHERE " + d.quote(e.identifier().destinationColumn()) + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                ps.setObject(1, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }
    }
}
